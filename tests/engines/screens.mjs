// Prints the screens of tests/e2e/screens.js as JSON, so the cross-engine tests (Python) visit
// exactly the list the end-to-end tests do, with no copy of it to drift. A screen's `prepare`
// step is a Playwright function, so only its name is printed; conftest.py maps each name to the
// same step done over WebDriver and stops with a clear message on a name it does not know.
//
//   node tests/engines/screens.mjs
import { SCREENS } from "../e2e/screens.js";

const screens = SCREENS.map(({ path, name, heading, prepare }) => ({
  path,
  name,
  heading,
  prepare: prepare ? prepare.name : null,
}));
process.stdout.write(JSON.stringify(screens, null, 2) + "\n");
