// Runs after content.js on the sites the reader chose in the options.
globalThis.factmarkExtension.start();
