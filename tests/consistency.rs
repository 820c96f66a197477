//! The consistency checks, the country facts and the exports.
//!
//! Crafted articles are written in the corpus syntax of `tests/corpus.rs` — `[span]{kind
//! value}` — so the claims are given, not scanned: each check is tested apart from how well
//! the finders find. `{date START[..END]}`, `{quantity LOW[..HIGH] UNIT}` (`_` for an open
//! end), `{country CC}`, `{place CC Name}`. Every failing case is reported, not just the first.

use std::path::Path;

use factmark::{Check, Claim, Options, Unit, Value};
use jiff::civil::Date;
use serde_json::Value as Json;

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

fn unit(name: &str) -> Option<Unit> {
    use Unit::*;
    [Personnel, Casualties, People, Money, Percent, Equipment, Distance, Other]
        .into_iter()
        .find(|u| serde_json::to_value(u).is_ok_and(|v| v == name))
}

fn number(s: &str) -> Option<f64> {
    (s != "_").then(|| s.parse().expect("a number or _"))
}

fn value(spec: &str) -> Value {
    let words: Vec<&str> = spec.split(' ').collect();
    match words[0] {
        "date" => {
            let (a, b) = words[1].split_once("..").unwrap_or((words[1], words[1]));
            Value::Date { start: a.parse().unwrap(), end: b.parse().unwrap(), timex: String::new() }
        }
        "quantity" => {
            let (a, b) = words[1].split_once("..").unwrap_or((words[1], words[1]));
            Value::Quantity { low: number(a), high: number(b), unit: unit(words[2]).expect("a unit") }
        }
        "country" => Value::Country(leak(words[1])),
        "place" => Value::Place { name: leak(&words[2..].join(" ")).into(), country: leak(words[1]) },
        other => panic!("unknown kind {other}"),
    }
}

/// The plain text of an annotated line, and its claims with UTF-16 offsets.
fn parse(annotated: &str) -> (String, Vec<Claim>) {
    let (mut text, mut claims, mut rest) = (String::new(), Vec::new(), annotated);
    while let Some(open) = rest.find('[') {
        let close = open + rest[open..].find("]{").expect("]{ after [");
        let end = close + rest[close..].find('}').expect("} after ]{");
        text += &rest[..open];
        let span = &rest[open + 1..close];
        let start = text.encode_utf16().count();
        text += span;
        claims.push(Claim {
            start,
            end: start + span.encode_utf16().count(),
            text: span.into(),
            value: value(&rest[close + 2..end]),
        });
        rest = &rest[end + 1..];
    }
    (text + rest, claims)
}

fn options(date: &str) -> Options {
    Options::from_date(date).unwrap()
}

/// Each case: publication date, annotated article, the checks expected to fire (in order).
fn run(cases: &[(&str, &str, &[Check])]) {
    let mut failures = Vec::new();
    for (date, article, want) in cases {
        let (text, claims) = parse(article);
        let findings = factmark::check(&text, &claims, &options(date));
        let got: Vec<Check> = findings.iter().map(|f| f.code).collect();
        if got != *want {
            failures.push(format!("{article}\n  want {want:?}\n  got  {got:?} {:#?}", findings));
        }
        for f in &findings {
            for p in &f.places {
                let slice = String::from_utf16(&text.encode_utf16().collect::<Vec<_>>()[p.start..p.end]).unwrap();
                assert_eq!(slice, p.text, "a place's offsets must be UTF-16 and match its text");
                if let Some(c) = p.claim {
                    assert!(claims[c].start <= p.start && p.end <= claims[c].end);
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failing case(s):\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn weekday_that_contradicts_its_date() {
    use Check::Weekday;
    run(&[
        (
            "2022-01-20",
            "Ministers met on [Monday, Jan. 11, 2022]{date 2022-01-11} in [Vienna]{place AT Vienna}.",
            &[Weekday],
        ),
        ("2022-01-20", "Ministers met on [Monday]{date 2022-01-17}, [Jan. 11]{date 2022-01-11}, to talk.", &[Weekday]),
        ("2022-01-20", "The vote came on [Jan. 11]{date 2022-01-11} (Friday) after a long night.", &[Weekday]),
        // a finder may move a year-less date to a year that fits the weekday: the nearest counts
        ("2022-01-20", "Ministers met on [Monday (Jan. 11)]{date 2021-01-11} in Vienna.", &[Weekday]),
        ("2022-01-20", "Ministers met on [Monday, Jan. 11, 2021]{date 2021-01-11} in Vienna.", &[]),
        ("2022-12-28", "Talks resume on [Monday, Jan. 2]{date 2023-01-02}.", &[]),
        ("2022-01-20", "Ministers met on [Tuesday, Jan. 11, 2022]{date 2022-01-11}.", &[]),
        ("2022-01-20", "Ministers met on [Wed., Jan. 11, 2022]{date 2022-01-11}.", &[Weekday]),
        ("2022-01-20", "As reported in The Sun, [Jan. 11, 2022]{date 2022-01-11}, talks failed.", &[]),
        ("2022-01-20", "Ministers met on [Tuesday]{date 2022-01-18}, [Jan. 11]{date 2022-01-11}, to talk.", &[]),
        ("2022-01-20", "It rained [Monday]{date 2022-01-17} and [Jan. 11]{date 2022-01-11} was dry.", &[]),
        ("2022-01-20", "A week of talks, [Jan. 10-14]{date 2022-01-10..2022-01-14}, Friday included.", &[]),
    ]);
}

#[test]
fn relative_date_that_contradicts_an_absolute_one() {
    use Check::RelativeDate;
    run(&[
        (
            "2022-03-10",
            "The convoy reached the town [yesterday]{date 2022-03-09} ([March 7]{date 2022-03-07}).",
            &[RelativeDate],
        ),
        ("2022-03-10", "[Today]{date 2022-03-10}, [March 12]{date 2022-03-12}, the mayor spoke.", &[RelativeDate]),
        ("2022-03-10", "The convoy reached the town [yesterday]{date 2022-03-09} ([March 9]{date 2022-03-09}).", &[]),
        ("2022-03-10", "Prices rose [last month]{date 2022-02-01..2022-02-28}, on [Feb. 14]{date 2022-02-14}.", &[]),
        (
            "2022-03-10",
            "Blasts hit [yesterday]{date 2022-03-09}, [March 5]{date 2022-03-05} and [March 7]{date 2022-03-07}.",
            &[],
        ),
        ("2022-03-10", "The convoy left [yesterday]{date 2022-03-09} and returns on [March 14]{date 2022-03-14}.", &[]),
    ]);
}

#[test]
fn same_subject_counted_differently() {
    use Check::Recount;
    let lede = "[Russia]{country RU} has massed [100,000]{quantity 100000 personnel} troops near the border with [Ukraine]{country UA}.";
    run(&[
        (
            "2022-01-10",
            &format!("{lede} Officials in [Kyiv]{{place UA Kyiv}} said [Russia]{{country RU}} now has [130,000]{{quantity 130000 personnel}} troops there."),
            &[Recount],
        ),
        (
            "2022-01-10",
            &format!("{lede}\n\nAnalysts count [130,000]{{quantity 130000 personnel}} [Russian]{{country RU}} troops."),
            &[Recount],
        ),
        // about the same figure, or a lower bound the first fits
        ("2022-01-10", &format!("{lede} [Russia]{{country RU}} has [nearly 95,000]{{quantity 95000 personnel}} troops there."), &[]),
        ("2022-01-10", &format!("{lede} [Russia]{{country RU}} has [more than 90,000]{{quantity 90000.._ personnel}} troops."), &[]),
        // another side, another time, an extra lot, a part, two sources in one sentence
        ("2022-01-10", &format!("{lede} [Ukraine]{{country UA}} has [130,000]{{quantity 130000 personnel}} troops."), &[]),
        (
            "2022-01-10",
            &format!("{lede} In [2014]{{date 2014-01-01..2014-12-31}}, [Russia]{{country RU}} sent [130,000]{{quantity 130000 personnel}} troops."),
            &[],
        ),
        ("2022-01-10", &format!("{lede} [Russia]{{country RU}} sent [30,000]{{quantity 30000 personnel}} more troops."), &[]),
        ("2022-01-10", &format!("{lede} [Russia]{{country RU}} has [10,000]{{quantity 10000 personnel}} troops in [Crimea]{{place UA Crimea}}."), &[]),
        (
            "2022-01-10",
            "[Russia]{country RU} has [100,000]{quantity 100000 personnel} troops, officials said; others count [130,000]{quantity 130000 personnel} troops.",
            &[],
        ),
        (
            "2022-01-10",
            "[Russia]{country RU} sent [100,000]{quantity 100000 personnel} troops.\n\n[Russia]{country RU} sent \
             [20,000]{quantity 20000 personnel} from [Belarus]{country BY} and [130,000]{quantity 130000 personnel} from home.",
            &[],
        ),
        // no country to tie the counts to: no note
        ("2022-01-10", "There were [100,000]{quantity 100000 personnel} troops. Later [130,000]{quantity 130000 personnel} troops came.", &[]),
    ]);
}

#[test]
fn percentage_of_a_whole_above_100() {
    use Check::Percent;
    run(&[
        ("2022-01-10", "Turnout was put at [120%]{quantity 120 percent} of registered voters.", &[Percent]),
        ("2022-01-10", "The party won [105 percent]{quantity 105 percent} of the vote in two districts.", &[Percent]),
        ("2022-01-10", "Officials said [110%]{quantity 110 percent} of [Iraqis]{country IQ} had voted.", &[Percent]),
        ("2022-01-10", "Prices rose [150%]{quantity 150 percent} in a year.", &[]),
        ("2022-01-10", "It was an increase of [200%]{quantity 200 percent} of the vote share.", &[]),
        ("2022-01-10", "Debt reached [120%]{quantity 120 percent} of GDP.", &[]),
        ("2022-01-10", "Turnout reached [104%]{quantity 104 percent} in one town.", &[Check::Percent]),
        ("2022-01-10", "People earning [185 percent]{quantity 185 percent} of the poverty line qualify.", &[]),
        ("2022-01-10", "The party won [52%]{quantity 52 percent} of the vote.", &[]),
    ]);
}

#[test]
fn range_whose_low_end_is_above_its_high_end() {
    use Check::Range;
    run(&[
        ("2022-01-10", "Police said [between 50 and 20]{quantity 50..20 people} people were hurt.", &[Range]),
        ("2022-01-10", "Police said [between 50 and 20]{quantity 20..50 people} people were hurt.", &[Range]),
        (
            "2022-01-10",
            "Police said between [50]{quantity 50 people} and [20]{quantity 20 people} people were hurt.",
            &[Range],
        ),
        (
            "2022-01-10",
            "Police said [between 50]{quantity 50 people} and [20]{quantity 20 people} people were hurt.",
            &[Range],
        ),
        ("2022-01-10", "Police said [50]{quantity 50 people}-[20]{quantity 20 people} people were hurt.", &[Range]),
        (
            "2022-01-10",
            "Police said between [20]{quantity 20 people} and [50]{quantity 50 people} people were hurt.",
            &[],
        ),
        ("2022-01-10", "Mind the difference between [94]{quantity 94 percent} and [72]{quantity 72 percent}.", &[]),
        ("2022-01-10", "Prices fell from [50]{quantity 50 money} to [20]{quantity 20 money} dollars.", &[]),
        ("2022-01-10", "The plan costs [$3-1.5 billion]{quantity 1500000000..3000000000 money}.", &[Range]),
        ("2022-01-10", "Talks ran [from March 9 to March 2]{date 2022-03-09..2022-03-02}.", &[Range]),
        ("2022-01-10", "Police said [between 20 and 50]{quantity 20..50 people} people were hurt.", &[]),
        ("2022-01-10", "The plan costs [$1.5-2 billion]{quantity 1500000000..2000000000 money}.", &[]),
        ("2022-01-10", "Aid rose [5 to 10 million]{quantity 5000000..10000000 people} people.", &[]),
        ("2022-01-10", "Talks ran [March 30 to April 2]{date 2022-03-30..2022-04-02}.", &[]),
        ("2022-01-10", "In the [1990-95]{date 1990-01-01..1995-12-31} war, many fled.", &[]),
    ]);
}

#[test]
fn future_date_told_in_the_past_tense() {
    use Check::FuturePast;
    run(&[
        (
            "2022-01-10",
            "The treaty was signed in [2023]{date 2023-01-01..2023-12-31} in [Minsk]{place BY Minsk}.",
            &[FuturePast],
        ),
        ("2022-01-10", "On [March 3, 2023]{date 2023-03-03}, troops attacked the port.", &[FuturePast]),
        ("2022-01-10", "Rebels seized the airport [tomorrow]{date 2022-01-11}.", &[FuturePast]),
        ("2022-01-10", "Elections will be held in [2023]{date 2023-01-01..2023-12-31}.", &[]),
        ("2022-01-10", "Parliament passed the [2023]{date 2023-01-01..2023-12-31} budget.", &[]),
        ("2022-01-10", "Both sides agreed to meet on [March 3, 2023]{date 2023-03-03}.", &[]),
        ("2022-01-10", "The treaty was signed in [2021]{date 2021-01-01..2021-12-31}.", &[]),
        ("2022-01-10", "The deal, signed last year, runs through [2024]{date 2024-01-01..2024-12-31}.", &[]),
        ("2022-01-10", "Talks are set for [March 3, 2023]{date 2023-03-03}.", &[]),
        ("2022-01-10", "It was extended 'til [next year]{date 2023-01-01..2023-12-31}.", &[]),
        ("2022-01-10", "I found out mine is [next Monday]{date 2022-01-17}.", &[]),
        ("2022-01-10", "And [next year]{date 2023-01-01..2023-12-31}, already approved, $716 billion.", &[]),
        ("2022-01-10", "Put me against her [next September]{date 2022-09-01..2022-09-30}, she won't win.", &[]),
        ("2022-01-10", "Stores have slots [next week]{date 2022-01-17..2022-01-23}.", &[]),
    ]);
}

#[test]
fn a_finding_links_both_places_and_serialises_plainly() {
    let (text, claims) =
        parse("Ministers met on [Monday]{date 2022-01-17}, [Jan. 11, 2022]{date 2022-01-11}, in Vienna.");
    let findings = factmark::check(&text, &claims, &options("2022-01-20"));
    let json = serde_json::to_value(&findings).unwrap();
    assert_eq!(json[0]["code"], "weekday");
    assert_eq!(json[0]["message"], "Jan. 11, 2022 falls on a Tuesday, not a Monday.");
    assert_eq!(json[0]["places"][0], serde_json::json!({"start": 17, "end": 23, "text": "Monday", "claim": 0}));
    assert_eq!(json[0]["places"][1]["claim"], 1);
}

#[test]
fn checking_never_panics_on_bad_claims_or_odd_text() {
    let o = options("2022-01-10");
    let bad = |start, end, text: &str| Claim {
        start,
        end,
        text: text.into(),
        value: Value::Quantity { low: Some(f64::MAX), high: Some(f64::MIN), unit: Unit::Percent },
    };
    let texts = ["", "😀", "between 5 and", "Monday, (", "1,2,3,4.5.6-7 to 8 and", ".", "\u{2029}\u{2029}"];
    for text in texts {
        let claims = vec![bad(0, 1, "x"), bad(0, 0, ""), bad(99, 3, "?"), bad(0, text.encode_utf16().count(), text)];
        let _ = factmark::check(text, &claims, &o);
        let _ = factmark::annotations(text, &claims, None);
        let _ = factmark::claim_review(text, &claims[0], None, None);
    }
    let long = "Monday, 1 to 0 troops of Russia was in 2030. ".repeat(2000);
    let claims = factmark::scan(&long, &o);
    let _ = factmark::check(&long, &claims, &o);
}

#[test]
fn facts_come_with_source_and_year() {
    let json = serde_json::to_value(factmark::facts("ua").unwrap()).unwrap();
    assert_eq!(json["code"], "UA");
    assert_eq!(json["capital"], "Kyiv");
    assert_eq!(json["populationYear"], 2019);
    assert!(json["populationSource"].as_str().unwrap().contains("World Bank"));
    assert!(json["capitalSource"].as_str().unwrap().contains("public domain"));
    assert!(factmark::facts("NATO").is_none() && factmark::facts("").is_none());
}

/// Re-anchors a `TextQuoteSelector` as a client does: every place the exact text stands, the
/// one whose context matches best (ties to the one nearest the old position).
fn reanchor(text: &str, selectors: &Json) -> Option<(usize, usize)> {
    let quote = selectors.as_array()?.iter().find(|s| s["type"] == "TextQuoteSelector")?;
    let position = selectors.as_array()?.iter().find(|s| s["type"] == "TextPositionSelector")?;
    let (exact, prefix, suffix) = (quote["exact"].as_str()?, quote["prefix"].as_str()?, quote["suffix"].as_str()?);
    let old = position["start"].as_u64()? as usize;
    let score = |at: usize| {
        let before = text[..at].chars().rev().zip(prefix.chars().rev()).take_while(|(a, b)| a == b).count();
        let after = text[at + exact.len()..].chars().zip(suffix.chars()).take_while(|(a, b)| a == b).count();
        before + after
    };
    let best = text.match_indices(exact).map(|(at, _)| at).max_by_key(|&at| {
        let units = text[..at].encode_utf16().count();
        (score(at), std::cmp::Reverse(units.abs_diff(old)))
    })?;
    let start = text[..best].encode_utf16().count();
    Some((start, start + exact.encode_utf16().count()))
}

#[test]
fn annotations_reanchor_after_a_paragraph_is_inserted_above() {
    let (text, claims) = parse(
        "[Russia]{country RU} has [100,000]{quantity 100000 personnel} troops on the border.\n\n\
         Talks in [Geneva]{place CH Geneva} — where [Russia]{country RU} and the [US]{country US} meet — begin [Monday]{date 2022-01-10}.",
    );
    let collection = factmark::annotations(&text, &claims, Some("https://news.example/a"));
    assert_eq!(collection["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(collection["type"], "AnnotationCollection");
    assert_eq!(collection["total"], claims.len());
    let items = collection["first"]["items"].as_array().unwrap();
    let first = &items[0];
    assert_eq!(first["type"], "Annotation");
    assert_eq!(first["target"]["source"], "https://news.example/a");
    assert_eq!(first["body"][0]["value"], "country");
    assert_eq!(items[1]["body"][2]["value"], r#"{"high":100000.0,"low":100000.0,"unit":"personnel"}"#);
    let inserted = format!("An unrelated paragraph about the weather, with Russia in it.\n\n{text}");
    let shift = inserted.encode_utf16().count() - text.encode_utf16().count();
    for (item, claim) in items.iter().zip(&claims) {
        let selectors = &item["target"]["selector"];
        assert_eq!(reanchor(&text, selectors), Some((claim.start, claim.end)), "{}", claim.text);
        assert_eq!(reanchor(&inserted, selectors), Some((claim.start + shift, claim.end + shift)), "{}", claim.text);
    }
}

#[test]
fn claim_review_skeleton_for_one_claim() {
    let (text, claims) =
        parse("Lede. [Russia]{country RU} has [100,000]{quantity 100000 personnel} troops there. More.");
    let review =
        factmark::claim_review(&text, &claims[1], Some("https://news.example/a"), Some(Date::constant(2022, 1, 10)));
    assert_eq!(review["@context"], "https://schema.org");
    assert_eq!(review["@type"], "ClaimReview");
    assert_eq!(review["claimReviewed"], "Russia has 100,000 troops there.");
    assert_eq!(review["itemReviewed"]["@type"], "Claim");
    assert_eq!(review["itemReviewed"]["appearance"]["url"], "https://news.example/a");
    assert_eq!(review["itemReviewed"]["datePublished"], "2022-01-10");
    assert_eq!(review["author"]["name"], "");
    assert_eq!(review["reviewRating"]["@type"], "Rating");
}

// ---- the dev corpus --------------------------------------------------------------------

fn dev_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev")
}

/// UTF-16 offsets of the `occurrence`-th whole-word match of `span` in `text`.
fn locate(text: &str, span: &str, occurrence: usize) -> Option<(usize, usize)> {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let guard_left = word(span.chars().next());
    let guard_right = word(span.chars().last());
    let (at, _) = text
        .match_indices(span)
        .filter(|(i, _)| {
            let glued_left = guard_left && word(text[..*i].chars().next_back());
            !(glued_left || guard_right && word(text[i + span.len()..].chars().next()))
        })
        .nth(occurrence.checked_sub(1)?)?;
    let start = text[..at].encode_utf16().count();
    Some((start, start + span.encode_utf16().count()))
}

fn gold_value(kind: &str, v: &Json) -> Option<Value> {
    Some(match kind {
        "quantity" => {
            Value::Quantity { low: v["low"].as_f64(), high: v["high"].as_f64(), unit: unit(v["unit"].as_str()?)? }
        }
        "date" => Value::Date {
            start: v["start"].as_str()?.parse().ok()?,
            end: v["end"].as_str()?.parse().ok()?,
            timex: String::new(),
        },
        "country" => Value::Country(leak(v.as_str()?)),
        "place" => Value::Place { name: leak(v["name"].as_str()?).into(), country: leak(v["country"].as_str()?) },
        _ => return None,
    })
}

/// The dev articles: name, publication date, text, gold claims.
fn dev_articles() -> Vec<(String, String, String, Vec<Claim>)> {
    let Ok(dir) = std::fs::read_dir(dev_dir()) else {
        return Vec::new();
    };
    let mut names: Vec<String> =
        dir.filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".txt").map(str::to_string)).collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let read = |ext: &str| std::fs::read_to_string(dev_dir().join(format!("{name}.{ext}"))).unwrap();
            let text = read("txt");
            let meta: Json = serde_json::from_str(&read("meta.json")).unwrap();
            let mut claims: Vec<Claim> = read("gold.jsonl")
                .lines()
                .filter(|l| !l.trim().is_empty())
                .filter_map(|l| {
                    let g: Json = serde_json::from_str(l).ok()?;
                    let span = g["text"].as_str()?;
                    let (start, end) = locate(&text, span, g["occurrence"].as_u64()? as usize)?;
                    Some(Claim { start, end, text: span.into(), value: gold_value(g["kind"].as_str()?, &g["value"])? })
                })
                .collect();
            claims.sort_by_key(|c| c.start);
            (name, meta["dct"].as_str().unwrap().to_string(), text, claims)
        })
        .collect()
}

/// Every finding on the dev corpus, read against the gold claims (what a perfect scanner
/// would find), is listed here by article, check and the text of its places after reading
/// the article: `real` says whether the text truly is inconsistent there.
///
/// None fires, and reading the 15 articles found nothing to fire on: no weekday beside a
/// date, no relative date set beside an absolute one, no share above 100%, no backwards
/// range, no later date told in the past; the repeated troop counts agree (`more than
/// 100,000` and `about 130,000` Russian troops; `45,000 Marines` twice) or count different
/// things (prisoners taken at first, a total that `may have climbed above 8,000` later).
const DEV_FINDINGS: &[(&str, &str, &str, bool)] = &[];

#[test]
fn dev_corpus_fires_only_where_the_gold_text_is_inconsistent() {
    let articles = dev_articles();
    if articles.is_empty() {
        eprintln!("no dev corpus at {}: skipped", dev_dir().display());
        return;
    }
    let mut got = Vec::new();
    for (name, dct, text, claims) in &articles {
        for f in factmark::check(text, claims, &options(dct)) {
            let places: Vec<&str> = f.places.iter().map(|p| p.text.as_str()).collect();
            eprintln!("{name}: {:?} {places:?}: {}", f.code, f.message);
            got.push((
                name.clone(),
                serde_json::to_value(f.code).unwrap().as_str().unwrap().to_string(),
                places.join(" | "),
            ));
        }
    }
    let want: Vec<(String, String, String)> =
        DEV_FINDINGS.iter().map(|(n, c, p, _)| (n.to_string(), c.to_string(), p.to_string())).collect();
    assert_eq!(got, want, "findings on the dev corpus changed: read the articles and update DEV_FINDINGS");
}

/// The same over what the scanner finds itself: no more findings than the gold gives, since
/// a finder's mistake must not turn into a note about the article.
#[test]
fn dev_corpus_scanned_fires_no_more_than_gold() {
    let mut over = Vec::new();
    for (name, dct, text, _) in dev_articles() {
        let o = options(&dct);
        let claims = factmark::scan(&text, &o);
        for f in factmark::check(&text, &claims, &o) {
            let places: Vec<&str> = f.places.iter().map(|p| p.text.as_str()).collect();
            eprintln!("scanned {name}: {:?} {places:?}: {}", f.code, f.message);
            let code = serde_json::to_value(f.code).unwrap();
            if !DEV_FINDINGS.iter().any(|(n, c, _, _)| *n == name && code == *c) {
                over.push(format!("{name}: {:?} {places:?}", f.code));
            }
        }
    }
    assert!(over.is_empty(), "findings the gold does not give:\n{}", over.join("\n"));
}

// ---- the command line ------------------------------------------------------------------

fn factmark(args: &[&str], input: &str) -> (bool, Json, String) {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_factmark"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Json::Null);
    (out.status.success(), json, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn command_line_prints_findings_annotations_reviews_and_facts() {
    let text = "Ministers met in Vienna on Monday, Jan. 11, 2022.";
    let (ok, out, _) = factmark(&["scan", "--date", "2022-01-20"], text);
    assert!(ok && out["claims"].is_array() && out["findings"].is_array(), "{out}");

    let (ok, out, _) =
        factmark(&["scan", "--date", "2022-01-20", "--annotations", "--source", "https://news.example/a"], text);
    assert!(ok);
    assert_eq!(out["type"], "AnnotationCollection");
    assert_eq!(out["total"], out["first"]["items"].as_array().unwrap().len());

    let (ok, out, err) = factmark(&["scan", "--date", "2022-01-20", "--claim-review", "999"], text);
    assert!(!ok && out.is_null() && err.contains("--claim-review 999"), "{err}");

    let (ok, out, _) = factmark(&["facts", "ua", "RU"], "");
    assert!(ok);
    assert_eq!(out["UA"]["capital"], "Kyiv");
    assert_eq!(out["RU"]["capital"], "Moscow");
    let (ok, _, err) = factmark(&["facts", "EU"], "");
    assert!(!ok && err.contains("no facts for \"EU\""), "{err}");

    let (ok, _, err) = factmark(&["scan", "--jsonl", "--annotations"], "");
    assert!(!ok && err.contains("without --jsonl"), "{err}");
    let line = r#"{"id": 1, "text": "Talks begin Monday.", "date": "2022-01-10"}"#;
    let (ok, out, _) = factmark(&["scan", "--jsonl"], line);
    assert!(ok && out["findings"].is_array(), "{out}");
}

/// Random claims over random text of tricky pieces: checking and exporting never panic, and
/// stay fast on a long text with a claim on every token.
#[test]
fn random_claims_never_panic_and_long_texts_stay_fast() {
    let pieces = [
        "Monday",
        ",",
        " ",
        "Jan.",
        "11",
        "2022",
        "(",
        ")",
        "between",
        "and",
        "-",
        "to",
        "%",
        "of",
        "voters",
        "Russia",
        "troops",
        "was",
        "in",
        ".",
        "\n\n",
        "😀",
        "é",
        "yesterday",
        "1,5",
        "0.5",
        "million",
        "U.S.",
        "tomorrow",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let values = [
        Value::Date { start: Date::constant(2022, 1, 11), end: Date::constant(2021, 1, 1), timex: String::new() },
        Value::Date { start: Date::constant(9999, 12, 31), end: Date::constant(9999, 12, 31), timex: String::new() },
        Value::Quantity { low: Some(f64::NAN), high: Some(f64::INFINITY), unit: Unit::Percent },
        Value::Quantity { low: None, high: Some(1e300), unit: Unit::Personnel },
        Value::Quantity { low: Some(-5.0), high: None, unit: Unit::People },
        Value::Country("RU"),
    ];
    for _ in 0..300 {
        let text: String = (0..next(40)).map(|_| pieces[next(pieces.len())]).collect();
        let units = text.encode_utf16().count();
        let claims: Vec<Claim> = (0..next(8))
            .map(|_| {
                let start = next(units + 2);
                let end = start + next(6);
                let slice = text.encode_utf16().collect::<Vec<_>>();
                let text = slice.get(start..end).map(String::from_utf16_lossy).unwrap_or_default();
                Claim { start, end, text, value: values[next(values.len())].clone() }
            })
            .collect();
        for date in ["2022-01-10", "0001-01-01", "9999-12-31"] {
            let _ = factmark::check(&text, &claims, &options(date));
        }
        let _ = factmark::annotations(&text, &claims, Some("u"));
        for c in &claims {
            let _ = factmark::claim_review(&text, c, None, None);
        }
    }
    let text = "Monday, Jan. 11 troops of Russia was in 2030 between 5 and 3. ".repeat(3000);
    let claims: Vec<Claim> = text
        .match_indices("Jan. 11")
        .map(|(at, s)| Claim { start: at, end: at + s.len(), text: s.into(), value: values[0].clone() })
        .chain(std::iter::once(Claim { start: 0, end: text.len(), text: text.clone(), value: values[3].clone() }))
        .collect();
    let started = std::time::Instant::now();
    let findings = factmark::check(&text, &claims, &options("2022-01-10"));
    assert!(findings.len() >= 3000, "each Jan. 11 is a backwards range next to a Monday");
    assert!(started.elapsed().as_secs() < 10, "checking took {:?}", started.elapsed());
}

// ---- end to end: the scanner's own claims ----------------------------------------------

/// Crafted articles scanned for real: each check fires on what the finders find. (Written
/// for this test; no dev-corpus text.)
#[test]
fn each_check_fires_on_a_scanned_article() {
    let cases: &[(&str, &str, Check)] = &[
        ("2022-01-20", "Ministers met in Vienna on Monday, Jan. 11, 2022, the ministry said.", Check::Weekday),
        ("2022-01-20", "The vote came on Jan. 11 (Friday) after a long night.", Check::Weekday),
        ("2022-03-10", "The convoy reached the town yesterday (March 7), officials said.", Check::RelativeDate),
        (
            "2022-01-10",
            "Russia has massed 100,000 troops near the border with Ukraine.\n\n\
             Officials in Kyiv said Russia now has 130,000 troops there.",
            Check::Recount,
        ),
        ("2022-01-10", "Turnout was put at 120% of registered voters.", Check::Percent),
        ("2022-01-10", "Police said between 50 and 20 people were hurt.", Check::Range),
        ("2022-01-10", "The treaty was signed in 2023 in Minsk.", Check::FuturePast),
    ];
    let mut failures = Vec::new();
    for (date, text, want) in cases {
        let o = options(date);
        let claims = factmark::scan(text, &o);
        let got: Vec<Check> = factmark::check(text, &claims, &o).iter().map(|f| f.code).collect();
        if got != [*want] {
            failures.push(format!("{text}\n  want [{want:?}]\n  got  {got:?}\n  claims {claims:?}"));
        }
    }
    assert!(failures.is_empty(), "{} failing case(s):\n{}", failures.len(), failures.join("\n"));
}
