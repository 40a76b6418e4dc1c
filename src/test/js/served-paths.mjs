// `node --import ./src/test/js/served-paths.mjs`: lets Node load the staff pages' scripts, which import by the
// addresses the app serves them at (/shared/http.js, /console-offline/link.js), from the folders in this repo.
import { register } from 'node:module';

register('./served-paths-hooks.mjs', import.meta.url);
