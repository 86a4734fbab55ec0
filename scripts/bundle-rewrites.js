// Two rewrites of the bundle's ES module chunks before they become CommonJS scripts (scripts/build.js), for the
// first frame's allocations: each made thousands of getters that the program never needed twice. Pure text
// transforms of esbuild's minified output, tested in test/package/bundle-rewrites.test.ts on a real bundle.

/**
 * `import fs from "node:fs"` (a Node built-in's default export: its module object) and `import * as fs from
 * "node:fs"` as `const fs = require("node:fs")`. Left as they are, the CommonJS transform makes each
 * `__toESM(require("node:fs"))`, a copy of the module with a getter for each of its members: Ink's modules import
 * node:process a dozen times, and the first frame made a thousand getters for them. A built-in's default export is
 * its module object, and its namespace has the same members (nothing reads a built-in namespace's `default`).
 */
export function builtinImportsAsRequires(text) {
  return text.replace(/\bimport\s*(?:\*\s*as\s+)?([A-Za-z_$][\w$]*)\s*from\s*"(node:[\w/]+)";?/g, (_import, name, builtin) => `const ${name}=require(${JSON.stringify(builtin)});`);
}

/**
 * What a static built-in import left to the CommonJS transform looks like there: `__toESM(require("node:fs"))`,
 * minified. (A dynamic `import("node:http")`, which runs when asked, becomes `()=>__toESM(require(...))`: not this.)
 */
export const COPIED_BUILTIN = /(?<!=>[\w$]*)[\w$]+\(require\("node:[\w/]+"\)(?:,1)?\)/;

/** esbuild's runtime `__toESM`, minified: `l=(e,r,t)=>(t=e!=null?q(d(e)):{},p(r||!e||!e.__esModule?a(t,"default",{value:e,enumerable:!0}):t,e))`. */
const TO_ESM = /([A-Za-z_$][\w$]*)=\(([A-Za-z_$][\w$]*),([A-Za-z_$][\w$]*),([A-Za-z_$][\w$]*)\)=>\(\4=\2!=null\?[^{}]*:\{\},[A-Za-z_$][\w$]*\(\3\|\|!\2\|\|!\2\.__esModule\?[A-Za-z_$][\w$]*\(\4,"default",\{value:\2,enumerable:!0\}\):\4,\2\)\)/g;

/**
 * esbuild's `__toESM` (the namespace of a CommonJS module imported as an ES module: React, its JSX runtime...) made
 * once per module rather than once per import: each call copies every member as a getter, and the first frame made
 * 82 of them (2,200 getters) for a dozen modules. The namespace only reads the module, so importers can share it.
 * Returns the text and how many times the helper was found (once in the chunk that holds esbuild's runtime, none
 * elsewhere; the build stops unless the bundle holds it exactly once).
 */
export function memoizedToEsm(text) {
  let found = 0;
  const rewritten = text.replace(TO_ESM, (original, name) => {
    found += 1;
    const made = original.slice(name.length + 1);
    // Declared in the same `var` list as the helper; the CommonJS transform's minifier renames them.
    return `__hlwNamespaces=new WeakMap,__hlwToEsm=${made},${name}=(m,n)=>{if(m==null||typeof m!="object"&&typeof m!="function")return __hlwToEsm(m,n);let s=__hlwNamespaces.get(m);return s||__hlwNamespaces.set(m,s=[]),s[n?1:0]??=__hlwToEsm(m,n)}`;
  });
  return { text: rewritten, found };
}
