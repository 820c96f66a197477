//! Sentences: where a text's sentences are, how worth checking each one is, and what kind of
//! claim it makes (Full Fact's schema), with the reasons.
//!
//! - `split.rs`: sentence boundaries over the shared tokens.
//! - `cues.rs`: normalised words and the cues in them (numbers, comparatives, modals…).
//! - `model.rs`: hashed features and the logistic regression in `data/checkworthy.tsv`.

mod cues;
mod model;
mod split;

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use serde::Serialize;

pub use cues::Cue;
pub use model::FEATURE_BUCKETS;

use crate::claim::{Claim, Kind};
use crate::options::Options;
use crate::scan::scan;
use crate::token::{Class, Text};

/// Below this score a sentence is taken for no claim at all (opinion, greeting, filler).
const NOT_A_CLAIM_BELOW: f32 = 0.15;

/// The type of claim a sentence makes, after Full Fact's claim-type schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimType {
    /// A quantity in the past or present: a number, a change, a comparison, a ranking.
    Quantity,
    /// A claim about the future.
    Prediction,
    /// That one thing is linked to or caused another.
    CorrelationOrCausation,
    /// What a law, rule or regulation says.
    LawsOrRules,
    /// What happened to the speaker.
    PersonalExperience,
    /// Any other claim about the world.
    OtherClaim,
    /// A question, a greeting, an opinion: nothing to check.
    NotAClaim,
}

impl ClaimType {
    /// The schema's name for the type, in words (`"correlation or causation"`).
    pub fn label(self) -> &'static str {
        match self {
            ClaimType::Quantity => "quantity",
            ClaimType::Prediction => "prediction",
            ClaimType::CorrelationOrCausation => "correlation or causation",
            ClaimType::LawsOrRules => "laws or rules",
            ClaimType::PersonalExperience => "personal experience",
            ClaimType::OtherClaim => "other claim",
            ClaimType::NotAClaim => "not a claim",
        }
    }
}

/// One thing found in a sentence that bears on its score or type: `{"cue", "text"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// What was found.
    pub cue: Cue,
    /// The words that carry it, exactly as in the text.
    pub text: String,
}

/// How worth checking a sentence is: `{"score", "checkworthy", "type", "reasons"}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Assessment {
    /// Check-worthiness between 0 and 1.
    pub score: f64,
    /// Whether the score reaches the model's threshold (0.5: it is folded into the model).
    pub checkworthy: bool,
    /// The type of claim.
    #[serde(rename = "type")]
    pub claim_type: ClaimType,
    /// What was found, claims first, then cues in text order; each once.
    pub reasons: Vec<Reason>,
}

/// One sentence of a text and its assessment:
/// `{"start", "end", "text", "score", "checkworthy", "type", "reasons"}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sentence {
    /// Start of the sentence in UTF-16 code units, as JavaScript indexes strings.
    pub start: usize,
    /// End of the sentence (exclusive) in UTF-16 code units.
    pub end: usize,
    /// The sentence, exactly the input's slice.
    pub text: String,
    /// Its score, type and reasons.
    #[serde(flatten)]
    pub assessment: Assessment,
}

/// Splits `src` into sentences and assesses each one; the claims that [`scan`] finds in a
/// sentence join its reasons and can make it a quantity claim. Never fails, never panics.
///
/// ```
/// let options = factmark::Options::from_date("2022-01-10")?;
/// let text = "Hello everyone. Unemployment rose to 8.1 percent last year, the highest since 1983.";
/// let sentences = factmark::sentences(text, &options);
/// assert_eq!(sentences.len(), 2);
/// assert!(sentences[1].assessment.score > sentences[0].assessment.score);
/// assert_eq!(sentences[1].assessment.claim_type, factmark::ClaimType::Quantity);
/// # Ok::<(), factmark::Error>(())
/// ```
pub fn sentences(src: &str, options: &Options) -> Vec<Sentence> {
    sentences_of(src, &scan(src, options))
}

/// [`sentences`] for a text already scanned: `claims` as [`scan`] returned them for `src`
/// (sorted by start), so that a caller who shows both scans once.
///
/// ```
/// let options = factmark::Options::from_date("2022-01-10")?;
/// let text = "Troops left. Talks resumed.";
/// let claims = factmark::scan(text, &options);
/// assert_eq!(factmark::sentences_of(text, &claims), factmark::sentences(text, &options));
/// # Ok::<(), factmark::Error>(())
/// ```
pub fn sentences_of(src: &str, claims: &[Claim]) -> Vec<Sentence> {
    let text = Text::new(src);
    let mut claims = located(src, claims).into_iter().peekable();
    let mut offsets = Utf16::new(src);
    let mut out = Vec::new();
    for range in split::split(&text) {
        let Some(last) = range.end.checked_sub(1) else { continue };
        let bytes = text.span(range.start, last);
        let start = offsets.at(bytes.start);
        let end = offsets.at(bytes.end);
        while claims.next_if(|c| c.0.start < bytes.start).is_some() {}
        let mut inside = Vec::new();
        while let Some(c) = claims.next_if(|c| c.0.start < bytes.end) {
            inside.push(c);
        }
        let assessment = assess_tokens(&text, range, &inside);
        out.push(Sentence { start, end, text: src[bytes].to_string(), assessment });
    }
    out
}

/// Assesses `sentence` as one sentence: what `factmark sentences --jsonl` prints for each line.
/// A sentence alone has no publication date, so it is scanned as if published on
/// 1 January 2016: its claims' kinds and units, which are what the score uses, do not
/// depend on it. Never fails, never panics.
///
/// ```
/// let a = factmark::assess("The deficit tripled to $1.4 trillion under this president.");
/// assert!(a.checkworthy);
/// assert!(a.reasons.iter().any(|r| r.cue == factmark::Cue::Quantity && r.text == "$1.4 trillion"));
/// let b = factmark::assess("Thank you very much.");
/// assert!(!b.checkworthy);
/// assert_eq!(b.claim_type, factmark::ClaimType::NotAClaim);
/// ```
pub fn assess(sentence: &str) -> Assessment {
    let claims = scan(sentence, alone());
    let text = Text::new(sentence);
    assess_tokens(&text, 0..text.tokens.len(), &located(sentence, &claims))
}

/// The model's input for `sentence`, scanned as [`assess`] scans it: hashed feature indices
/// below [`FEATURE_BUCKETS`], one per occurrence. Public so that the training command computes
/// exactly what inference does.
pub fn features(sentence: &str) -> Vec<u32> {
    let claims = scan(sentence, alone());
    let text = Text::new(sentence);
    let words = cues::words(&text, 0..text.tokens.len());
    model::features(&words, &cues::find(&words), claims.iter().map(|c| &c.value))
}

/// The options a sentence without a publication date is scanned with.
fn alone() -> &'static Options {
    static OPTIONS: OnceLock<Options> = OnceLock::new();
    OPTIONS.get_or_init(|| Options::new(jiff::civil::date(2016, 1, 1)))
}

/// A claim and its byte span.
type Located<'c> = (Range<usize>, &'c Claim);

/// `claims` of `src` (sorted by start) with their byte spans.
fn located<'c>(src: &str, claims: &'c [Claim]) -> Vec<Located<'c>> {
    let mut to_byte = Utf16ToBytes::new(src);
    claims.iter().map(|c| (to_byte.at(c.start)..to_byte.at(c.end), c)).collect()
}

/// Assesses tokens `range` of `text`; `claims` are those inside it, sorted by start.
fn assess_tokens(text: &Text, range: Range<usize>, claims: &[Located]) -> Assessment {
    let word_count = text.tokens[range.clone()].iter().filter(|t| t.class != Class::Punct).count();
    let words = cues::words(text, range);
    let found = cues::find(&words);
    let score = model::score(&model::features(&words, &found, claims.iter().map(|c| &c.1.value)));
    let mut reasons: Vec<Reason> = Vec::new();
    let mut seen = HashSet::new();
    let mut push = |cue: Cue, text: &str| {
        if seen.insert((cue, text.to_string())) {
            reasons.push(Reason { cue, text: text.to_string() });
        }
    };
    for (_, c) in claims {
        let cue = match c.kind() {
            Kind::Quantity => Cue::Quantity,
            Kind::Date => Cue::Date,
            Kind::Country => Cue::Country,
            Kind::Place => Cue::Place,
        };
        push(cue, &c.text);
    }
    let mut next_claim = 0;
    for f in &found {
        while claims.get(next_claim).is_some_and(|c| c.0.end <= f.span.start) {
            next_claim += 1;
        }
        let covered = claims.get(next_claim).is_some_and(|c| c.0.start <= f.span.start && f.span.end <= c.0.end);
        let words = &text.src[f.span.clone()];
        if !(covered && matches!(f.cue, Cue::Number | Cue::Date | Cue::Name)) {
            push(f.cue, words);
        }
    }
    let claim_type = claim_type(score, word_count, &reasons);
    Assessment {
        score: (f64::from(score) * 10_000.0).round() / 10_000.0,
        checkworthy: score >= 0.5,
        claim_type,
        reasons,
    }
}

/// The schema type from the cues, most specific first. A check-worthy sentence is always
/// some claim, even when short or a question.
fn claim_type(score: f32, word_count: usize, reasons: &[Reason]) -> ClaimType {
    let cues: HashSet<Cue> = reasons.iter().map(|r| r.cue).collect();
    let has = |cue: Cue| cues.contains(&cue);
    let idle = has(Cue::Question) || word_count < 4 || score < NOT_A_CLAIM_BELOW;
    if idle && score < 0.5 {
        ClaimType::NotAClaim
    } else if has(Cue::Future) {
        ClaimType::Prediction
    } else if has(Cue::Causal) {
        ClaimType::CorrelationOrCausation
    } else if has(Cue::Rule) {
        ClaimType::LawsOrRules
    } else if [Cue::Quantity, Cue::Number, Cue::Comparative, Cue::Superlative].into_iter().any(has) {
        ClaimType::Quantity
    } else if has(Cue::FirstPerson) && has(Cue::Past) {
        ClaimType::PersonalExperience
    } else {
        ClaimType::OtherClaim
    }
}

/// UTF-16 code units to UTF-8 byte offsets, for offsets asked in increasing order (an offset
/// inside a character, or past the end, gives the next boundary).
struct Utf16ToBytes<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    len: usize,
    unit: usize,
}

impl<'a> Utf16ToBytes<'a> {
    fn new(src: &'a str) -> Self {
        Utf16ToBytes { chars: src.char_indices().peekable(), len: src.len(), unit: 0 }
    }

    fn at(&mut self, unit: usize) -> usize {
        while self.unit < unit {
            let Some((_, c)) = self.chars.next() else { break };
            self.unit += c.len_utf16();
        }
        self.chars.peek().map_or(self.len, |&(byte, _)| byte)
    }
}

/// UTF-8 byte offsets to UTF-16 code units, for offsets asked in increasing order.
struct Utf16<'a> {
    src: &'a str,
    byte: usize,
    unit: usize,
}

impl<'a> Utf16<'a> {
    fn new(src: &'a str) -> Self {
        Utf16 { src, byte: 0, unit: 0 }
    }

    fn at(&mut self, byte: usize) -> usize {
        let byte = byte.clamp(self.byte, self.src.len());
        self.unit += self.src.get(self.byte..byte).map_or(0, |s| s.chars().map(char::len_utf16).sum());
        self.byte = byte;
        self.unit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> Options {
        Options::from_date("2022-01-10").unwrap()
    }

    #[test]
    fn sentences_have_utf16_offsets_and_exact_text() {
        let src = "😀 Prices rose. “Will they fall?” Nobody knows.";
        let got = sentences(src, &options());
        let texts: Vec<&str> = got.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["😀 Prices rose.", "“Will they fall?”", "Nobody knows."]);
        let utf16: Vec<u16> = src.encode_utf16().collect();
        for s in &got {
            assert_eq!(String::from_utf16(&utf16[s.start..s.end]).unwrap(), s.text);
        }
    }

    #[test]
    fn claims_join_the_reasons_of_their_sentence() {
        use crate::claim::{Unit, Value};
        let src = "Hi 😀. Some 4,000 troops left Kyiv.";
        let claim = |text: &str, value: Value| {
            let start = src[..src.find(text).unwrap()].encode_utf16().count();
            Claim { start, end: start + text.encode_utf16().count(), text: text.to_string(), value }
        };
        let claims = [
            claim("Some 4,000", Value::Quantity { low: Some(4000.0), high: Some(4000.0), unit: Unit::Personnel }),
            claim("Kyiv", Value::Place { name: "Kyiv".into(), country: "UA" }),
        ];
        let got = sentences_of(src, &claims);
        assert!(got[0].assessment.reasons.is_empty());
        let reasons: Vec<(Cue, &str)> = got[1].assessment.reasons.iter().map(|r| (r.cue, r.text.as_str())).collect();
        assert_eq!(reasons, [(Cue::Quantity, "Some 4,000"), (Cue::Place, "Kyiv"), (Cue::Past, "left")]);
        assert_eq!(got[1].assessment.claim_type, ClaimType::Quantity);
        let unscanned = sentences_of(src, &[]);
        assert_ne!(got[1].assessment.score, unscanned[1].assessment.score, "claims feed the model");
    }

    #[test]
    fn types_follow_the_cues() {
        let cases = [
            ("Unemployment will rise to 9 percent next year, the bank said.", ClaimType::Prediction),
            ("The strike led to shortages of fuel across the region.", ClaimType::CorrelationOrCausation),
            ("The new law makes it illegal to sell the drug to minors.", ClaimType::LawsOrRules),
            ("The company cut 4,000 jobs in the third quarter.", ClaimType::Quantity),
            ("Is this the end of the road for the party?", ClaimType::NotAClaim),
            ("Thanks.", ClaimType::NotAClaim),
        ];
        for (src, want) in cases {
            assert_eq!(assess(src).claim_type, want, "{src:?}: {:?}", assess(src));
        }
    }

    #[test]
    fn reasons_name_what_was_found() {
        let a = assess("Exports fell 12% because of the war.");
        let reasons: Vec<(Cue, &str)> = a.reasons.iter().map(|r| (r.cue, r.text.as_str())).collect();
        assert_eq!(reasons, [(Cue::Quantity, "12%"), (Cue::Comparative, "fell"), (Cue::Causal, "because of")]);
    }

    #[test]
    fn scores_are_probabilities_and_nothing_panics() {
        let long = "word ".repeat(10_000);
        let numbers = "1 ".repeat(20_000);
        let nines = "9".repeat(400);
        let odd = ["", " ", "?", "\u{2029}", "٣٠٠٠ 1,,,2 ..", "’’’"];
        for src in odd.into_iter().chain([long.as_str(), numbers.as_str(), nines.as_str()]) {
            let a = assess(src);
            assert!((0.0..=1.0).contains(&a.score), "{src:?}");
            for s in sentences(src, &options()) {
                assert!(s.start <= s.end && (0.0..=1.0).contains(&s.assessment.score));
            }
        }
    }
}
