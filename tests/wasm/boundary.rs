// The JavaScript boundary's cases, included by `wasm_node.rs` and `wasm_browser.rs` so that
// they run under both runners.

use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test options are JSON")
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).expect("a plain object")
}

fn claims(text: &str, opts: &str) -> Vec<JsValue> {
    let out = factmark::wasm::scan(text, options(opts)).expect("good options");
    Array::from(&out).iter().collect()
}

/// The message of the `Error` that bad options throw, or what came back instead.
fn error(text: &str, opts: JsValue) -> Result<String, String> {
    match factmark::wasm::scan(text, opts) {
        Err(err) if err.is_instance_of::<js_sys::Error>() => Ok(String::from(err.message())),
        other => Err(format!("no Error but {other:?}")),
    }
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(factmark::wasm::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn claims_are_plain_objects_in_the_contract_shape() {
    let found = claims("Talks began on Monday in Geneva.", r#"{"date": "2022-01-10"}"#);
    let monday = found
        .iter()
        .find(|c| get(c, "text") == "Monday")
        .expect("Monday is a date claim");
    assert_eq!(
        Object::get_prototype_of(monday),
        Object::get_prototype_of(&Object::new().into())
    );
    let keys: Vec<String> = Object::keys(monday.unchecked_ref::<Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    for key in ["kind", "start", "end", "text", "value"] {
        assert!(keys.iter().any(|k| k == key), "{key} missing from {keys:?}");
    }
    assert_eq!(get(monday, "kind"), "date");
    let value = get(monday, "value");
    assert_eq!(get(&value, "start"), "2022-01-10");
    assert_eq!(get(&value, "end"), "2022-01-10");
}

/// Numbers as f64, so that JavaScript's `100000` equals Rust's `100000.0`.
fn numbers_as_f64(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        J::Number(n) => n
            .as_f64()
            .and_then(serde_json::Number::from_f64)
            .map_or(J::Null, J::Number),
        J::Array(items) => J::Array(items.into_iter().map(numbers_as_f64).collect()),
        J::Object(map) => J::Object(map.into_iter().map(|(k, v)| (k, numbers_as_f64(v))).collect()),
        other => other,
    }
}

#[wasm_bindgen_test]
fn claims_are_what_the_contract_serialises() {
    let text = "On Monday as many as 100,000 troops and more than 40 tanks moved towards Kyiv, Ukraine said. \
                Russia spent $1.5 billion last month; prices rose 3.2% and thousands of civilians fled 12 km. \
                At least 30 people were killed in 2014.";
    let claims = factmark::scan(text, &factmark::Options::from_date("2022-01-10").unwrap());
    let kinds: std::collections::BTreeSet<_> = claims.iter().map(|c| c.kind()).collect();
    assert_eq!(kinds.len(), 4, "the text should have every kind: {claims:?}");
    let want = numbers_as_f64(serde_json::to_value(&claims).unwrap());
    let js = factmark::wasm::scan(text, options(r#"{"date": "2022-01-10"}"#)).expect("good options");
    let json = String::from(js_sys::JSON::stringify(&js).unwrap());
    let got = numbers_as_f64(serde_json::from_str(&json).unwrap());
    assert_eq!(got, want);
}

#[wasm_bindgen_test]
fn offsets_are_utf16_code_units() {
    let text = "😀 Ünïcödé first: talks began on Monday in Geneva.";
    let js = JsString::from(text);
    let found = claims(text, r#"{"date": "2022-01-10"}"#);
    assert!(!found.is_empty());
    for claim in &found {
        let start = get(claim, "start").as_f64().unwrap() as u32;
        let end = get(claim, "end").as_f64().unwrap() as u32;
        assert_eq!(JsValue::from(js.slice(start, end)), get(claim, "text"));
    }
}

#[wasm_bindgen_test]
fn an_open_end_is_null_not_undefined() {
    let found = claims(
        "As many as 100,000 troops were sent.",
        r#"{"date": "2022-01-10", "kinds": ["quantity"]}"#,
    );
    let value = get(found.first().expect("a quantity"), "value");
    assert!(get(&value, "low").is_null());
    assert_eq!(get(&value, "high").as_f64(), Some(100_000.0));
    assert_eq!(get(&value, "unit"), "personnel");
}

#[wasm_bindgen_test]
fn kinds_narrow_the_scan() {
    let text = "On Monday 100,000 troops from Russia moved towards Kyiv.";
    let found = claims(text, r#"{"date": "2022-01-10", "kinds": ["date"]}"#);
    assert!(!found.is_empty());
    assert!(found.iter().all(|c| get(c, "kind") == "date"));
}

#[wasm_bindgen_test]
fn bad_options_throw_errors_that_say_what_is_wrong() {
    let cases: [(JsValue, &str); 11] = [
        (JsValue::UNDEFINED, "options must be an object"),
        (JsValue::from("2022-01-10"), "options must be an object"),
        (Array::new().into(), "options must be an object"),
        (options("{}"), "options.date must be"),
        (options(r#"{"date": 20220110}"#), "options.date must be"),
        (options(r#"{"date": "10/01/2022"}"#), "YYYY-MM-DD"),
        (
            options(r#"{"date": "2022-01-10", "kinds": ["dates"]}"#),
            "unknown kind \"dates\"",
        ),
        (
            options(r#"{"date": "2022-01-10", "kinds": "date"}"#),
            "options.kinds must be an array",
        ),
        (
            options(r#"{"date": "2022-01-10", "kinds": [1]}"#),
            "options.kinds must be an array",
        ),
        (options(r#"{"date": "2022-01-10", "kinds": []}"#), "no kinds given"),
        (
            options(r#"{"date": "2022-01-10", "kind": ["date"]}"#),
            "unknown option \"kind\"",
        ),
    ];
    let mut failures = Vec::new();
    for (opts, want) in cases {
        let shown = format!("{opts:?}");
        match error("Monday", opts) {
            Ok(message) if message.starts_with("factmark.scan: ") && message.contains(want) => {}
            Ok(message) => failures.push(format!("{shown}: {message:?} lacks {want:?}")),
            Err(other) => failures.push(format!("{shown}: {other}")),
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[wasm_bindgen_test]
fn any_text_scans_without_failing() {
    for text in [
        "",
        " ",
        "\u{0}",
        "🇺🇦",
        "1,,,000",
        "between and",
        "1e309 troops",
        &"9".repeat(400),
    ] {
        factmark::wasm::scan(text, options(r#"{"date": "2022-01-10"}"#)).expect("scanning never fails");
    }
}

#[wasm_bindgen_test]
fn analyse_gives_claims_sentences_and_findings_from_one_scan() {
    let text = "Hello. Talks were held on Monday, Jan. 11, 2022, and 3,000 troops left Kyiv.";
    let out = factmark::wasm::analyse(text, options(r#"{"date": "2022-01-20"}"#)).expect("good options");
    let claims: Vec<JsValue> = Array::from(&get(&out, "claims")).iter().collect();
    assert!(claims.iter().any(|c| get(c, "text") == "Kyiv"));
    let sentences: Vec<JsValue> = Array::from(&get(&out, "sentences")).iter().collect();
    assert_eq!(sentences.len(), 2);
    assert!(get(&sentences[1], "score").as_f64() > get(&sentences[0], "score").as_f64());
    for key in ["start", "end", "text", "checkworthy", "type", "reasons"] {
        assert!(!get(&sentences[1], key).is_undefined(), "{key}");
    }
    let json = String::from(js_sys::JSON::stringify(&out).unwrap());
    let got = numbers_as_f64(serde_json::from_str(&json).unwrap());
    let options = factmark::Options::from_date("2022-01-20").unwrap();
    let scanned = factmark::scan(text, &options);
    let want = serde_json::json!({
        "claims": scanned,
        "sentences": factmark::sentences_of(text, &scanned),
        "findings": factmark::check(text, &scanned, &options),
    });
    assert_eq!(got, numbers_as_f64(want), "the shapes the core serialises");
    let findings: Vec<JsValue> = Array::from(&get(&out, "findings")).iter().collect();
    let weekday = findings.iter().find(|f| get(f, "code") == "weekday").expect("Monday is not Jan. 11, 2022");
    let places: Vec<JsValue> = Array::from(&get(weekday, "places")).iter().collect();
    let index = get(&places[0], "claim").as_f64().expect("the place is a claim") as u32;
    assert_eq!(get(&claims[index as usize], "text"), get(&places[0], "text"));
}

#[wasm_bindgen_test]
fn facts_are_an_object_or_null() {
    let ua = factmark::wasm::facts("UA");
    assert_eq!(get(&ua, "capital"), "Kyiv");
    assert!(get(&ua, "population").as_f64().unwrap() > 1e7);
    assert!(get(&ua, "populationYear").as_f64().is_some());
    assert!(get(&ua, "populationSource").as_string().is_some());
    assert!(factmark::wasm::facts("EU").is_null());
    let json = String::from(js_sys::JSON::stringify(&ua).unwrap());
    let want = numbers_as_f64(serde_json::to_value(factmark::facts("UA")).unwrap());
    assert_eq!(numbers_as_f64(serde_json::from_str(&json).unwrap()), want);
}

#[wasm_bindgen_test]
fn analyse_throws_errors_that_name_it() {
    let text = "Russia has massed 100,000 troops.";
    let message = |r: Result<JsValue, js_sys::Error>| r.err().map(|e| String::from(e.message())).unwrap_or_default();
    let analysed = message(factmark::wasm::analyse(text, options("{}")));
    assert!(analysed.starts_with("factmark.analyse: options.date must be"), "{analysed}");
    let nothing = message(factmark::wasm::analyse(text, JsValue::NULL));
    assert!(nothing.starts_with("factmark.analyse: options must be an object"), "{nothing}");
}
