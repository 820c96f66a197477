//! The JavaScript boundary: the only file that knows about wasm-bindgen.
