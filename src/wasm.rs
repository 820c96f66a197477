//! The JavaScript boundary: the only file that knows about wasm-bindgen.
//!
//! Claims cross as plain objects in the contract's JSON shape (`null` for an open end,
//! never `undefined`); offsets are already UTF-16 code units, as JavaScript indexes strings.
//! Bad options become a JS `Error` whose message says what is wrong.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// What `scan` accepts from JavaScript: `{date: "YYYY-MM-DD", kinds?: ["quantity", …]}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsOptions {
    date: String,
    kinds: Option<Vec<String>>,
}

fn error(message: impl std::fmt::Display) -> js_sys::Error {
    js_sys::Error::new(&format!("factmark.scan: {message}"))
}

fn options(value: JsValue) -> Result<crate::Options, js_sys::Error> {
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(error("options must be an object {date: \"YYYY-MM-DD\", kinds?: [\"quantity\", \"date\", \"country\", \"place\"]}"));
    }
    let given: JsOptions = serde_wasm_bindgen::from_value(value).map_err(|e| error(format!("bad options: {e}")))?;
    let options = crate::Options::from_date(&given.date).map_err(error)?;
    match given.kinds {
        Some(kinds) => options.with_kinds(kinds).map_err(error),
        None => Ok(options),
    }
}

/// Finds the checkable claims in `text`: an array of `{kind, start, end, text, value}`,
/// sorted by start, offsets in UTF-16 code units. Throws an `Error` on bad options.
#[wasm_bindgen]
pub fn scan(text: &str, options: JsValue) -> Result<JsValue, js_sys::Error> {
    let options = self::options(options)?;
    let claims = crate::scan(text, &options);
    claims.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(error)
}

/// The crate's version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
