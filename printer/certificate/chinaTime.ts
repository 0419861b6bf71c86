// Certificates state Beijing time (UTC+8, no daylight saving) whatever the kiosk's own time zone is.
const OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

function parts(at: Date) {
  const t = new Date(at.getTime() + OFFSET_MS);
  return {
    date: `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`,
    time: `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`,
    seconds: pad(t.getUTCSeconds()),
  };
}

/** `2026-05-07 14:03`, as printed. */
export function formatChinaTime(at: Date): string {
  const p = parts(at);
  return `${p.date} ${p.time}`;
}

/** `2026-05-07T14:03:09+08:00`, as signed. */
export function isoChinaTime(at: Date): string {
  const p = parts(at);
  return `${p.date}T${p.time}:${p.seconds}+08:00`;
}
