import { app, session } from 'electron';
import { isKioskPageUrl, type KioskPage } from './kioskPage.js';

/** Camera and microphone are for face tracking and voice; nothing else is ever granted. */
const grantedPermissions = new Set(['media']);

/**
 * App-wide lockdown, applied to every web contents the app ever creates: the kiosk page cannot
 * navigate away, open windows, embed webviews, or get permissions beyond camera and microphone.
 */
export function lockDownContents(page: KioskPage): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isKioskPageUrl(page, url)) {
        event.preventDefault();
        console.warn(`[kiosk] blocked navigation to ${url}`);
      }
    });
    contents.on('will-redirect', (event, url) => {
      if (!isKioskPageUrl(page, url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      console.warn(`[kiosk] blocked new window for ${url}`);
      return { action: 'deny' };
    });
  });

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
      callback(grantedPermissions.has(permission) && isKioskPageUrl(page, details.requestingUrl));
    });
    session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
      // file:// pages report the origin "file://" (or an empty string), never a web site.
      return grantedPermissions.has(permission) && (requestingOrigin === 'file://' || requestingOrigin === '' || requestingOrigin === 'file:///');
    });
  });
}
