// Types for scripts/build.mjs, so TypeScript callers (the web kiosk start-up) can import it.
export declare const repoRoot: string;
export declare const nodeExternals: string[];
export interface BuildRendererOptions {
  /** Default: dist/renderer in the repo. */
  outDir?: string;
  minify?: boolean;
}
/** Bundles app/renderer and copies index.html + styles.css; resolves to the output folder. */
export declare function buildRenderer(options?: BuildRendererOptions): Promise<string>;
/** Bundles app/main/main.ts and app/preload/preload.ts to dist/electron/{main,preload}.cjs. */
export declare function buildElectron(options?: { outDir?: string }): Promise<string>;
export declare function buildAll(): Promise<void>;
