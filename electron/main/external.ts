// The one way a web link leaves NetDesk for the user's browser. Pop-ups, navigations and the
// shell:openExternal service all come through here, so the http/https check lives in one place.
import { shell } from 'electron';
import { isWebLink } from '../services/index';

/** Open an http(s) link in the default browser; anything else is refused and reported false. */
export async function openWebLink(url: string): Promise<boolean> {
  if (!isWebLink(url)) return false;
  // eng-disable OPEN_EXTERNAL_JS_CHECK -- only http(s) links reach the browser: isWebLink() refused the rest just above
  await shell.openExternal(url);
  return true;
}
