/** Where the interface's static files (styles, the client script) live, beside this module in src and dist. */
import { fileURLToPath } from 'node:url';

export const STATIC_DIR = fileURLToPath(new URL('./static/', import.meta.url));
