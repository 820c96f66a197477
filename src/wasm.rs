//! The JavaScript boundary: the only file that knows about wasm-bindgen.
//!
//! Claims cross as plain objects in the contract's JSON shape (`null` for an open end,
//! never `undefined`), built field by field: a generic serde serializer costs the download
//! more, and the boundary tests hold this shape equal to `Claim`'s serde JSON. Offsets are
//! already UTF-16 code units, as JavaScript indexes strings. Bad options become a JS `Error`
//! whose message says what is wrong.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

#[cfg(feature = "analysis")]
use crate::{Check, CountryFacts, Cue, Finding, Sentence};
use crate::{Claim, Unit, Value};

const SHAPE: &str = "{date: \"YYYY-MM-DD\", kinds?: [\"quantity\", \"date\", \"country\", \"place\"]}";

fn error(message: impl std::fmt::Display) -> js_sys::Error {
    named("scan", message)
}

/// The one way errors cross: a JS `Error` whose message starts `factmark.FUNCTION: `.
fn named(function: &str, message: impl std::fmt::Display) -> js_sys::Error {
    js_sys::Error::new(&format!("factmark.{function}: {message}"))
}

fn field(object: &JsValue, key: &str) -> Result<JsValue, js_sys::Error> {
    Reflect::get(object, &key.into()).map_err(|_| error(format!("cannot read options.{key}")))
}

/// [`options`] for the export `function`: its errors name that function.
#[cfg(feature = "analysis")]
fn options_for(function: &str, value: JsValue) -> Result<crate::Options, js_sys::Error> {
    options(value).map_err(|e| {
        let message = String::from(e.message());
        named(function, message.strip_prefix("factmark.scan: ").unwrap_or(&message))
    })
}

/// Reads `{date, kinds?}`; anything else is an error that names the problem.
fn options(value: JsValue) -> Result<crate::Options, js_sys::Error> {
    if !value.is_object() || Array::is_array(&value) {
        return Err(error(format!("options must be an object {SHAPE}")));
    }
    for key in Object::keys(value.unchecked_ref::<Object>()).iter().filter_map(|k| k.as_string()) {
        if key != "date" && key != "kinds" {
            return Err(error(format!("unknown option {key:?}: expected {SHAPE}")));
        }
    }
    let date = field(&value, "date")?
        .as_string()
        .ok_or_else(|| error("options.date must be the publication date, a string written YYYY-MM-DD"))?;
    let options = crate::Options::from_date(&date).map_err(error)?;
    let kinds = field(&value, "kinds")?;
    if kinds.is_undefined() {
        return Ok(options);
    }
    let names = Array::is_array(&kinds)
        .then(|| Array::from(&kinds).iter().map(|k| k.as_string()).collect::<Option<Vec<String>>>())
        .flatten()
        .ok_or_else(|| error("options.kinds must be an array of kind names such as [\"date\", \"place\"]"))?;
    options.with_kinds(names).map_err(error)
}

/// Finds the checkable claims in `text`: an array of `{kind, start, end, text, value}`,
/// sorted by start, offsets in UTF-16 code units. Throws an `Error` on bad options.
#[wasm_bindgen]
pub fn scan(text: &str, options: JsValue) -> Result<JsValue, js_sys::Error> {
    let options = self::options(options)?;
    Ok(crate::scan(text, &options).iter().map(claim).collect::<Array>().into())
}

/// An object with these fields.
fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        // Setting a data property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

fn number(n: Option<f64>) -> JsValue {
    n.map_or(JsValue::NULL, JsValue::from_f64)
}

fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Personnel => "personnel",
        Unit::Casualties => "casualties",
        Unit::People => "people",
        Unit::Money => "money",
        Unit::Percent => "percent",
        Unit::Equipment => "equipment",
        Unit::Distance => "distance",
        Unit::Other => "other",
    }
}

/// `{kind, start, end, text, value}`, as `Claim` serialises.
fn claim(c: &Claim) -> JsValue {
    let value = match &c.value {
        Value::Quantity { low, high, unit } => {
            object(&[("low", number(*low)), ("high", number(*high)), ("unit", unit_name(*unit).into())])
        }
        Value::Date { start, end, timex } => object(&[
            ("start", crate::claim::iso(*start).into()),
            ("end", crate::claim::iso(*end).into()),
            ("timex", timex.as_str().into()),
        ]),
        Value::Country(code) => (*code).into(),
        Value::Place { name, country } => object(&[("name", name.as_ref().into()), ("country", (*country).into())]),
    };
    object(&[
        ("kind", c.kind().name().into()),
        ("start", JsValue::from_f64(c.start as f64)),
        ("end", JsValue::from_f64(c.end as f64)),
        ("text", c.text.as_str().into()),
        ("value", value),
    ])
}

#[cfg(feature = "analysis")]
fn array<T>(items: &[T], each: impl Fn(&T) -> JsValue) -> JsValue {
    items.iter().map(each).collect::<Array>().into()
}

#[cfg(feature = "analysis")]
fn offset(n: usize) -> JsValue {
    JsValue::from_f64(n as f64)
}

#[cfg(feature = "analysis")]
fn cue_name(cue: Cue) -> &'static str {
    match cue {
        Cue::Quantity => "quantity",
        Cue::Date => "date",
        Cue::Country => "country",
        Cue::Place => "place",
        Cue::Number => "number",
        Cue::Comparative => "comparative",
        Cue::Superlative => "superlative",
        Cue::Future => "future",
        Cue::Modal => "modal",
        Cue::Causal => "causal",
        Cue::Rule => "rule",
        Cue::FirstPerson => "first_person",
        Cue::Past => "past",
        Cue::Question => "question",
        Cue::Name => "name",
    }
}

#[cfg(feature = "analysis")]
fn check_name(check: Check) -> &'static str {
    match check {
        Check::Weekday => "weekday",
        Check::RelativeDate => "relative-date",
        Check::Recount => "recount",
        Check::Percent => "percent",
        Check::Range => "range",
        Check::FuturePast => "future-past",
    }
}

#[cfg(feature = "analysis")]
/// `{start, end, text, score, checkworthy, type, reasons: [{cue, text}]}`, as `Sentence` serialises.
fn sentence(s: &Sentence) -> JsValue {
    let a = &s.assessment;
    object(&[
        ("start", offset(s.start)),
        ("end", offset(s.end)),
        ("text", s.text.as_str().into()),
        ("score", a.score.into()),
        ("checkworthy", a.checkworthy.into()),
        ("type", a.claim_type.label().replace(' ', "_").into()),
        (
            "reasons",
            array(&a.reasons, |r| object(&[("cue", cue_name(r.cue).into()), ("text", r.text.as_str().into())])),
        ),
    ])
}

#[cfg(feature = "analysis")]
/// `{code, message, places: [{start, end, text, claim}]}`, as `Finding` serialises.
fn finding(f: &Finding) -> JsValue {
    let places = array(&f.places, |p| {
        object(&[
            ("start", offset(p.start)),
            ("end", offset(p.end)),
            ("text", p.text.as_str().into()),
            ("claim", p.claim.map_or(JsValue::NULL, offset)),
        ])
    });
    object(&[("code", check_name(f.code).into()), ("message", f.message.as_str().into()), ("places", places)])
}

#[cfg(feature = "analysis")]
/// `{code, capital, population, populationYear, populationSource, capitalSource}`.
fn country_facts(f: &CountryFacts) -> JsValue {
    object(&[
        ("code", f.code.into()),
        ("capital", f.capital.into()),
        ("population", JsValue::from_f64(f.population as f64)),
        ("populationYear", JsValue::from_f64(f64::from(f.population_year))),
        ("populationSource", f.population_source.into()),
        ("capitalSource", f.capital_source.into()),
    ])
}

#[cfg(feature = "analysis")]
/// Scans `text` once and returns `{claims, sentences, findings}`: the claims as [`scan`]
/// gives them, every sentence with its check-worthiness, and the consistency findings
/// (whose places name claims by their index in `claims`). Throws an `Error` on bad options.
#[wasm_bindgen]
pub fn analyse(text: &str, options: JsValue) -> Result<JsValue, js_sys::Error> {
    let options = options_for("analyse", options)?;
    let claims = crate::scan(text, &options);
    Ok(object(&[
        ("sentences", array(&crate::sentences_of(text, &claims), sentence)),
        ("findings", array(&crate::check(text, &claims, &options), finding)),
        ("claims", array(&claims, claim)),
    ]))
}

#[cfg(feature = "analysis")]
/// The bundled facts for the country with ISO code `code`: `{code, capital, population,
/// populationYear, populationSource, capitalSource}`, or `null` for a code it does not know.
#[wasm_bindgen]
pub fn facts(code: &str) -> JsValue {
    crate::facts(code).map_or(JsValue::NULL, |f| country_facts(&f))
}

/// The crate's version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
