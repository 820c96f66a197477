//! The quantity finder: a number (digits or words, with its scale), the qualifier before it,
//! a currency or percent sign, and the counted noun after it that decides the unit.
//!
//! Words live in `data/numbers.tsv` and `data/units.tsv`. Every look-around is bounded in
//! tokens and every digit run is capped, so the scan is linear and never overflows.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::claim::{Unit, Value};
use crate::options::Options;
use crate::scan::Candidate;
use crate::token::{digit_value, Class, Gap, Text};

/// Digits in one run, and 3-digit groups after it, beyond which a number is not a quantity.
const MAX_DIGITS: usize = 15;
const MAX_GROUPS: usize = 6;
/// Tokens one spelled-out number may span (`three hundred and twenty-five thousand`).
const MAX_WORDS: usize = 12;
/// Tokens searched after a number for its counted noun.
const MAX_WALK: usize = 10;
/// Tokens searched back in the sentence for the noun of a number that has none after it.
const MAX_LOOK_BACK: usize = 15;

/// What a table word does next to a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Small,
    Tens,
    Multiplier,
    Scale,
    Abbrev,
    Article,
    Vague,
    High,
    Low,
    About,
    Between,
    Time,
    Month,
    Label,
    Noun,
    Prefix,
    Suffix,
    Cause,
    Aux,
    Link,
    Stop,
    Speech,
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    role: Role,
    unit: Unit,
    /// The value, the low end of a range, or a unit's factor (`cents` = 0.01).
    low: f64,
    high: f64,
}

struct Lexicon {
    entries: HashMap<String, Vec<Entry>>,
    /// The first word of every phrase: most tokens are not, and are rejected at once.
    firsts: HashSet<String>,
    /// Tokens in the longest phrase.
    longest: usize,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut lex = Lexicon { entries: HashMap::new(), firsts: HashSet::new(), longest: 1 };
        let rows = include_str!("data/numbers.tsv").lines().chain(include_str!("data/units.tsv").lines());
        for line in rows.filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let number = |i: usize, default: f64| cols.get(i).map_or(default, |s| s.parse().unwrap_or_else(|_| bad_row(line)));
            let role = role_named(cols.get(1).copied().unwrap_or_default()).unwrap_or_else(|| bad_row(line));
            let entry = match role {
                Role::Noun | Role::Prefix | Role::Suffix | Role::Cause => {
                    let unit = unit_named(cols.get(2).copied().unwrap_or_default()).unwrap_or_else(|| bad_row(line));
                    Entry { role, unit, low: number(3, 1.0), high: 0.0 }
                }
                _ => {
                    let low = number(2, 0.0);
                    Entry { role, unit: Unit::Other, low, high: number(3, low) }
                }
            };
            let phrase = Text::new(cols[0]);
            let n = phrase.tokens.len();
            let whole = key(&phrase, 0, n.saturating_sub(1)).unwrap_or_else(|| bad_row(line));
            lex.longest = lex.longest.max(n);
            lex.firsts.extend(key(&phrase, 0, 0));
            lex.entries.entry(whole).or_default().push(entry);
        }
        lex
    })
}

/// The tables are part of the crate; a malformed row is a bug caught by the tests.
fn bad_row<T>(line: &str) -> T {
    panic!("bad table row {line:?}")
}

fn role_named(name: &str) -> Option<Role> {
    use Role::*;
    Some(match name {
        "small" => Small,
        "tens" => Tens,
        "multiplier" => Multiplier,
        "scale" => Scale,
        "abbrev" => Abbrev,
        "article" => Article,
        "vague" => Vague,
        "high" => High,
        "low" => Low,
        "about" => About,
        "between" => Between,
        "time" => Time,
        "month" => Month,
        "label" => Label,
        "noun" => Noun,
        "prefix" => Prefix,
        "suffix" => Suffix,
        "cause" => Cause,
        "aux" => Aux,
        "link" => Link,
        "stop" => Stop,
        "speech" => Speech,
        _ => return None,
    })
}

fn unit_named(name: &str) -> Option<Unit> {
    Some(match name {
        "personnel" => Unit::Personnel,
        "casualties" => Unit::Casualties,
        "people" => Unit::People,
        "money" => Unit::Money,
        "percent" => Unit::Percent,
        "equipment" => Unit::Equipment,
        "distance" => Unit::Distance,
        "other" => Unit::Other,
        _ => return None,
    })
}

/// Tokens `first..=last` lower-cased, a space where the text has white space; `None` across
/// a block or past the end.
fn key(text: &Text, first: usize, last: usize) -> Option<String> {
    let mut k = String::new();
    for i in first..=last {
        let t = text.tokens.get(i)?;
        if i > first {
            match t.gap {
                Gap::Block => return None,
                Gap::Space => k.push(' '),
                Gap::None => {}
            }
        }
        let s = text.str(i);
        if s.is_ascii() {
            k.extend(s.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            k.extend(s.chars().flat_map(char::to_lowercase));
        }
    }
    Some(k)
}

impl Lexicon {
    fn entry(&self, key: &str, roles: &[Role]) -> Option<Entry> {
        self.entries.get(key)?.iter().find(|e| roles.contains(&e.role)).copied()
    }

    /// The table entry of token `i` alone with one of `roles`.
    fn word(&self, text: &Text, i: usize, roles: &[Role]) -> Option<Entry> {
        self.entry(&key(text, i, i)?, roles)
    }

    fn known(&self, text: &Text, i: usize) -> bool {
        key(text, i, i).is_some_and(|k| self.entries.contains_key(&k))
    }

    /// Like `after`, for a phrase that must follow token `i - 1` in the same block.
    fn next(&self, text: &Text, i: usize, roles: &[Role]) -> Option<(Entry, usize)> {
        text.tokens.get(i).filter(|t| t.gap != Gap::Block)?;
        self.after(text, i, roles)
    }

    /// The longest phrase with one of `roles` starting at token `i`: its entry and last token.
    fn after(&self, text: &Text, i: usize, roles: &[Role]) -> Option<(Entry, usize)> {
        if !self.firsts.contains(&key(text, i, i)?) {
            return None;
        }
        (1..=self.longest).rev().find_map(|n| {
            let last = i + n - 1;
            Some((self.entry(&key(text, i, last)?, roles)?, last))
        })
    }

    /// The longest phrase with one of `roles` ending just before token `i`, in the same
    /// block: its entry and first token.
    fn before(&self, text: &Text, i: usize, roles: &[Role]) -> Option<(Entry, usize)> {
        if text.tokens.get(i)?.gap == Gap::Block {
            return None;
        }
        let first_known = |first: usize| key(text, first, first).is_some_and(|k| self.firsts.contains(&k));
        (1..=self.longest.min(i)).rev().filter(|&n| first_known(i - n)).find_map(|n| Some((self.entry(&key(text, i - n, i - 1)?, roles)?, i - n)))
    }
}

/// How a number is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// Bare digits: no separator, decimal point or scale (`2014`, `5`).
    Plain,
    /// Digits with separators, decimals or a scale word (`100,000`, `1.5 million`).
    Digits,
    /// Spelled out (`two`, `a hundred`).
    Words,
    /// A vague multiple with a fixed range (`tens of thousands`).
    Vague,
}

#[derive(Clone, Copy, Debug)]
struct Num {
    low: f64,
    high: f64,
    /// The scale word's factor, 1 when there is none.
    scale: f64,
    last: usize,
    form: Form,
}

fn class(text: &Text, i: usize) -> Option<Class> {
    text.tokens.get(i).map(|t| t.class)
}

fn is_number(text: &Text, i: usize) -> bool {
    class(text, i) == Some(Class::Number)
}

fn digits_value(s: &str) -> f64 {
    s.chars().filter_map(digit_value).fold(0.0, |v, d| v * 10.0 + f64::from(d))
}

/// A group of three digits at token `i`.
fn is_group(text: &Text, i: usize) -> bool {
    is_number(text, i) && text.str(i).chars().count() == 3
}

/// Token `i + 1` follows token `i` after exactly one space character, as in `100 000`.
fn one_space_after(text: &Text, i: usize) -> bool {
    let (Some(a), Some(b)) = (text.tokens.get(i), text.tokens.get(i + 1)) else { return false };
    let mut between = text.src[a.end..b.start].chars();
    matches!((between.next(), between.next()), (Some(' ' | '\u{a0}' | '\u{2009}' | '\u{202f}'), None))
}

fn digits_at(text: &Text, lex: &Lexicon, i: usize) -> Option<Num> {
    let head = text.str(i);
    let width = head.chars().count();
    if width > MAX_DIGITS {
        return None;
    }
    let mut value = digits_value(head);
    let (mut last, mut form, mut scale) = (i, Form::Plain, 1.0);
    if width <= 3 {
        let comma = text.get(i + 1) == "," && text.touches_next(i) && text.touches_next(i + 1) && is_group(text, i + 2);
        let spaced = !comma && one_space_after(text, i) && is_group(text, i + 1);
        let mut groups = 0;
        loop {
            let next = if comma && text.get(last + 1) == "," && text.touches_next(last) && text.touches_next(last + 1) {
                last + 2
            } else if spaced && one_space_after(text, last) {
                last + 1
            } else {
                break;
            };
            if !is_group(text, next) {
                break;
            }
            if groups == MAX_GROUPS {
                return None;
            }
            value = value * 1000.0 + digits_value(text.str(next));
            last = next;
            groups += 1;
            form = Form::Digits;
        }
    }
    if text.get(last + 1) == "." && text.touches_next(last) && text.touches_next(last + 1) && is_number(text, last + 2) {
        let fraction = text.str(last + 2);
        let places = fraction.chars().count();
        if places > MAX_DIGITS {
            return None;
        }
        value += digits_value(fraction) / 10f64.powi(places as i32);
        last += 2;
        form = Form::Digits;
    }
    if class(text, last + 1) == Some(Class::Word) {
        let roles: &[Role] = if text.touches_next(last) {
            &[Role::Scale, Role::Abbrev, Role::Multiplier]
        } else {
            &[Role::Scale, Role::Multiplier]
        };
        let found = lex.next(text, last + 1, roles).filter(|(_, end)| *end == last + 1).map(|(e, _)| e);
        // `12m` is 12 million only as money or before a counted noun: not `100m sprint`, `221B`.
        let money_or_noun = || lex.before(text, i, &[Role::Prefix]).is_some() || lex.next(text, last + 2, &[Role::Noun]).is_some();
        if let Some(e) = found.filter(|e| e.role != Role::Abbrev || money_or_noun()) {
            value *= e.low;
            scale = e.low;
            last += 1;
            form = Form::Digits;
        }
    }
    value.is_finite().then_some(Num { low: value, high: value, scale, last, form })
}

fn words_at(text: &Text, lex: &Lexicon, i: usize) -> Option<Num> {
    use Role::*;
    let roles = [Small, Tens, Multiplier, Scale, Article];
    let (mut total, mut current, mut scale) = (0.0, 0.0, 1.0);
    let (mut last, mut prev): (Option<usize>, Option<Role>) = (None, None);
    let mut j = i;
    while j < i + MAX_WORDS && class(text, j) == Some(Class::Word) {
        if j > i && text.tokens[j].gap == Gap::Block {
            break;
        }
        let Some(e) = lex.word(text, j, &roles) else {
            let continues = text.is(j, "and")
                && prev == Some(Multiplier)
                && lex.word(text, j + 1, &[Small, Tens]).is_some();
            if continues {
                j += 1;
                continue;
            }
            break;
        };
        match (e.role, prev) {
            (Article, None) if lex.word(text, j + 1, &[Multiplier, Scale]).is_some() => current = 1.0,
            (Small, None | Some(Multiplier | Scale)) => current += e.low,
            (Small, Some(Tens)) if e.low < 10.0 => current += e.low,
            (Tens, None | Some(Multiplier | Scale)) => current += e.low,
            (Multiplier, Some(Small | Tens | Article)) => current *= e.low,
            (Scale, Some(Small | Tens | Multiplier | Article)) => {
                total += current * e.low;
                current = 0.0;
                scale = e.low;
            }
            _ => break,
        }
        prev = Some(e.role);
        last = Some(j);
        j += 1;
        let hyphen = text.get(j) == "-" && text.touches_next(j - 1) && text.touches_next(j);
        if hyphen && e.role == Tens && lex.word(text, j + 1, &[Small]).is_some() {
            j += 1;
        }
    }
    let value = total + current;
    Some(Num { low: value, high: value, scale, last: last?, form: Form::Words })
}

fn number_at(text: &Text, lex: &Lexicon, i: usize) -> Option<Num> {
    match class(text, i)? {
        Class::Number => digits_at(text, lex, i),
        Class::Word => match lex.after(text, i, &[Role::Vague]) {
            Some((e, last)) => Some(Num { low: e.low, high: e.high, scale: 1.0, last, form: Form::Vague }),
            None => words_at(text, lex, i),
        },
        Class::Punct => None,
    }
}

/// Digits glued to what comes before: `G20`, `F-16`, `COVID-19`, `1,000` read from its
/// second group, `10:30`, a URL.
fn glued_before(text: &Text, i: usize) -> bool {
    if i == 0 || text.tokens[i].gap != Gap::None {
        return false;
    }
    if text.str(i - 1) == "+" {
        return true;
    }
    match text.tokens[i - 1].class {
        Class::Word | Class::Number => true,
        Class::Punct => {
            matches!(text.str(i - 1), "-" | "–" | "+" | "." | "," | ":" | "/" | "#" | "_" | "@" | "=" | "\\")
                && text.tokens[i - 1].gap == Gap::None
                && i >= 2
        }
    }
}

/// Digits glued to what follows: `10:30`, `1/2`, `1.2.3`.
fn glued_after(text: &Text, last: usize) -> bool {
    if !text.touches_next(last) {
        return false;
    }
    match text.get(last + 1) {
        "/" | "\\" | "@" => true,
        ":" | "." | "," => text.touches_next(last + 1) && is_number(text, last + 2),
        _ => false,
    }
}

/// A duration, time of day or age follows: `three days`, `10 a.m.`, `45-year-old`,
/// `five straight years`, `hundreds of years`.
fn time_follows(text: &Text, lex: &Lexicon, last: usize, form: Form) -> bool {
    let mut k = last + 1;
    if (text.get(k) == "-" && text.touches_next(last)) || (form == Form::Vague && text.is(k, "of")) {
        k += 1;
    }
    if lex.next(text, k, &[Role::Time]).is_some() || (text.is_capitalised(k) && lex.next(text, k, &[Role::Month]).is_some()) {
        return true;
    }
    let adjective = class(text, k) == Some(Class::Word)
        && !text.is_capitalised(k)
        && (!lex.known(text, k) || lex.word(text, k, &[Role::Link]).is_some());
    adjective && lex.next(text, k + 1, &[Role::Time]).is_some()
}

/// A bare number that names rather than counts: `Boeing 737`, `Jan. 10`, `Shah, 58,`.
fn is_label(text: &Text, start: usize, last: usize) -> bool {
    let Some(prev) = start.checked_sub(1) else { return false };
    if text.tokens[start].gap == Gap::Block {
        return false;
    }
    let word = |i: usize| class(text, i) == Some(Class::Word);
    let sentence_start = |i: usize| {
        text.tokens[i].gap == Gap::Block
            || i == 0
            || matches!(text.get(i - 1), "." | "!" | "?" | "\"" | "“" | "‘" | "'" | ":" | "—" | "(" | "-" | "–")
    };
    // Boeing 737, Article 5, January 10 (a capitalised word inside a sentence).
    if word(prev) && text.is_capitalised(prev) && !sentence_start(prev) {
        return true;
    }
    // Jan. 10, No. 1: an abbreviation (capital, then small letters) and its point.
    if prev >= 1 && text.get(prev) == "." && text.touches_next(prev - 1) && word(prev - 1) {
        let abbr = text.str(prev - 1);
        let mut chars = abbr.chars();
        let capital = chars.next().is_some_and(char::is_uppercase);
        if capital && abbr.chars().count() >= 2 && chars.all(char::is_lowercase) {
            return true;
        }
    }
    // Shah, 58, said: an age after a name.
    if prev >= 1 && text.get(prev) == "," && text.touches_next(prev - 1) && word(prev - 1) && text.is_capitalised(prev - 1) {
        let next = last + 1;
        let ends = next >= text.tokens.len()
            || text.tokens[next].gap == Gap::Block
            || matches!(text.get(next), "," | "." | ")" | ";");
        return ends;
    }
    false
}

/// Bare digits next to other bare digits, as in a phone number (`20 7946 0958`), or with a
/// leading zero.
fn in_digit_sequence(text: &Text, i: usize) -> bool {
    let spaced_number = |j: usize| is_number(text, j) && text.tokens[j.max(i)].gap == Gap::Space;
    let zero = text.str(i).starts_with('0') && text.str(i).len() > 1;
    zero || (i > 0 && spaced_number(i - 1)) || spaced_number(i + 1)
}

/// A sentence opening with an unlisted capitalised word and a bare number that counts
/// nothing: `Apollo 11 landed`.
fn names_at_sentence_start(text: &Text, lex: &Lexicon, start: usize) -> bool {
    let Some(prev) = start.checked_sub(1) else { return false };
    let opens = prev == 0 || text.tokens[prev].gap == Gap::Block || matches!(text.get(prev - 1), "." | "!" | "?");
    class(text, prev) == Some(Class::Word) && text.is_capitalised(prev) && opens && !lex.known(text, prev)
}

/// A capitalised plural that names a people: `Americans`, `Britons`, `Japanese` (not an
/// acronym such as `HIMARS`).
fn is_demonym_plural(word: &str) -> bool {
    let capital = word.chars().next().is_some_and(char::is_uppercase) && word.chars().any(char::is_lowercase);
    capital && word.chars().count() > 3 && (word.ends_with("ans") || word.ends_with('s') || word.ends_with("ese"))
}

/// The unit that the counted noun after token `from` gives, past a few adjectives,
/// demonyms and compound words (`100,000 Russian troops`, `2,000 U.S. Marines`); the last
/// noun of a compound wins (`fighter jets`), and `were killed` makes them casualties.
fn counted(text: &Text, lex: &Lexicon, from: usize) -> Option<Unit> {
    let (mut unit, mut adjectives, mut demonym) = (None, 0, None);
    let mut k = from;
    while k < from + MAX_WALK && k < text.tokens.len() {
        let t = text.tokens[k];
        if t.gap == Gap::Block {
            break;
        }
        let between_names = unit.is_none() && k > 0 && text.is_capitalised(k - 1) && text.is_capitalised(k + 1);
        match t.class {
            // A model number inside the noun phrase: `F-16 jets`, `T-72 tanks`.
            Class::Number if t.gap == Gap::None && k > from => {}
            Class::Number => break,
            Class::Punct => {
                let s = text.str(k);
                let abbreviation = s == "." && k > 0 && text.get(k - 1).chars().count() == 1 && text.is_capitalised(k - 1);
                let joins = t.gap == Gap::None && (s == "-" || abbreviation);
                if !(joins || (s == "," && between_names)) {
                    break;
                }
            }
            Class::Word => {
                if let Some((e, last)) = lex.after(text, k, &[Role::Noun]) {
                    unit = Some(e.unit);
                    k = last + 1;
                    continue;
                }
                if lex.word(text, k, &[Role::Aux]).is_some() {
                    let killed = (k + 1..=k + 3).any(|j| {
                        class(text, j) == Some(Class::Word)
                            && lex.word(text, j, &[Role::Noun]).is_some_and(|e| e.unit == Unit::Casualties)
                    });
                    if unit.is_some() && killed {
                        unit = Some(Unit::Casualties);
                    }
                    break;
                }
                if unit.is_some() {
                    // An unlisted plural after a listed noun is the real head: `weapons sites`.
                    let word = text.str(k);
                    if !text.is_capitalised(k) && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
                        unit = None;
                    }
                    break;
                }
                let free = lex.word(text, k, &[Role::Link]).is_some() && adjectives == 0 && demonym.is_none();
                if free || (text.is(k, "and") && between_names) {
                    k += 1;
                    continue;
                }
                if lex.word(text, k, &[Role::Stop]).is_some() {
                    break;
                }
                if text.is_capitalised(k) {
                    demonym = Some(k);
                } else {
                    adjectives += 1;
                    if adjectives > 2 {
                        break;
                    }
                }
            }
        }
        k += 1;
    }
    unit.or_else(|| demonym.filter(|&d| is_demonym_plural(text.str(d))).map(|_| Unit::People))
}

/// For a large number standing alone, the nearest people or troops noun earlier in the
/// sentence and after any verb of saying: `the number of Russian troops near Ukraine -
/// about 130,000`.
fn counted_earlier(text: &Text, lex: &Lexicon, start: usize) -> Option<Unit> {
    let counted = [Unit::Personnel, Unit::People, Unit::Casualties, Unit::Equipment];
    for k in (start.saturating_sub(MAX_LOOK_BACK)..start).rev() {
        if text.tokens[k + 1].gap == Gap::Block {
            return None;
        }
        match text.tokens[k].class {
            Class::Punct if matches!(text.str(k), "." | "!" | "?" | ";" | ":") => {
                let abbreviation = k > 0 && text.get(k - 1).chars().count() == 1;
                if !abbreviation {
                    return None;
                }
            }
            Class::Word => {
                if lex.word(text, k, &[Role::Speech]).is_some() {
                    return None;
                }
                if let Some(e) = lex.word(text, k, &[Role::Noun]).filter(|e| counted.contains(&e.unit)) {
                    return Some(e.unit);
                }
            }
            _ => {}
        }
    }
    None
}

/// A verb of killing just before the span (`killed 10 people`), or a toll a few words back.
fn casualties_before(text: &Text, lex: &Lexicon, start: usize) -> bool {
    (1..=3).take_while(|&n| n <= start).any(|n| {
        let i = start - n;
        class(text, i) == Some(Class::Word) && lex.word(text, i, &[Role::Cause]).is_some_and(|e| e.low >= n as f64)
    })
}

enum Step {
    Found(Candidate, usize),
    Skip(usize),
    Nothing,
}

fn candidate_at(text: &Text, lex: &Lexicon, i: usize) -> Step {
    use Role::*;
    let Some(x) = number_at(text, lex, i) else { return Step::Nothing };
    let skip = |last: usize| Step::Skip(last + 1);
    let digits = matches!(x.form, Form::Plain | Form::Digits);
    if digits && (glued_before(text, i) || glued_after(text, x.last)) {
        return skip(x.last);
    }
    // Currency before the number, then a qualifier before that.
    let mut start = i;
    let mut fixed: Option<Unit> = None;
    if x.form != Form::Vague {
        if let Some((e, first)) = lex.before(text, start, &[Prefix]) {
            start = first;
            fixed = Some(e.unit);
        }
    }
    let mut qualifier = lex.before(text, start, &[High, Low, About, Between]);
    // Sign or unit after the number: `%`, `percent`, `cents`, a fused `430km`.
    let mut factor = 1.0;
    let mut end = x.last;
    let suffix = |end: usize, fixed: Option<Unit>| -> Result<Option<(Entry, usize)>, ()> {
        if digits && text.touches_next(end) && class(text, end + 1) == Some(Class::Word) {
            return match lex.next(text, end + 1, &[Suffix, Noun]) {
                Some(found) => Ok(Some(found)),
                None => Err(()),
            };
        }
        Ok(if fixed.is_none() { lex.next(text, end + 1, &[Suffix]) } else { None })
    };
    let mut x_suffix = None;
    match suffix(end, fixed) {
        Err(()) => return skip(x.last),
        Ok(Some((e, last))) => {
            x_suffix = Some(e.unit);
            fixed = Some(e.unit);
            factor = e.low;
            end = last;
        }
        Ok(None) => {}
    }
    let (mut low, mut high) = (x.low, x.high);
    let mut core_last = x.last;
    if x.form != Form::Vague {
        let between = qualifier.is_some_and(|(e, _)| e.role == Between);
        let link = end + 1;
        let dash = match text.get(link) {
            "-" => text.touches_next(end) && text.touches_next(link),
            "–" => true,
            _ => false,
        };
        let joined = (between && text.is(link, "and")) || dash || text.is(link, "to");
        let mut y_at = link + 1;
        if joined && !text.crosses_block(end, y_at.min(text.tokens.len().saturating_sub(1)).max(end)) {
            let y_prefix = lex.next(text, y_at, &[Prefix]);
            if let Some((_, last)) = y_prefix {
                y_at = last + 1;
            }
            let y = number_at(text, lex, y_at).filter(|y| y.form != Form::Vague && (y.form == Form::Words) == (x.form == Form::Words));
            if let Some(y) = y {
                if dash && text.get(y.last + 1) == "-" && text.touches_next(y.last) && is_number(text, y.last + 2) {
                    return skip(y.last + 2);
                }
                let mut x_low = x.low;
                if x.scale == 1.0 && y.scale > 1.0 && x.low < y.low / y.scale {
                    x_low *= y.scale;
                }
                // `3% to 4%` is a range, `3.4% to 152.30` is not.
                let y_suffix = suffix(y.last, None).ok().flatten();
                let same_sign = x_suffix.is_none() || x_suffix == y_suffix.map(|(e, _)| e.unit);
                if x_low < y.low && same_sign && !glued_after(text, y.last) {
                    low = x_low;
                    high = y.high;
                    end = y.last;
                    core_last = y.last;
                    if let Some((e, _)) = y_prefix {
                        fixed = fixed.or(Some(e.unit));
                    }
                    if let Some((e, last)) = y_suffix.filter(|_| fixed.is_none() || x_suffix.is_some()) {
                        fixed = Some(e.unit);
                        factor = e.low;
                        end = last;
                    }
                } else if dash {
                    return skip(y.last);
                }
            }
        }
        if between && core_last == x.last {
            qualifier = None;
        }
    }
    if time_follows(text, lex, end, x.form) {
        return skip(end);
    }
    let span_start = qualifier.map_or(start, |(_, first)| first);
    if digits && lex.before(text, span_start, &[Label]).is_some() {
        return skip(end);
    }
    let bare = x.form == Form::Plain && fixed.is_none() && qualifier.is_none();
    if bare && (is_label(text, start, end) || in_digit_sequence(text, i)) {
        return skip(end);
    }
    let noun = counted(text, lex, end + 1);
    if bare && noun.is_none() && names_at_sentence_start(text, lex, start) {
        return skip(end);
    }
    let year_like = x.form == Form::Plain && text.str(i).chars().count() == 4 && (1000.0..=2100.0).contains(&x.low);
    if year_like && fixed.is_none() && matches!(noun, None | Some(Unit::Other)) {
        return skip(end);
    }
    let mut unit = fixed.or(noun);
    if unit.is_none() && span_start >= 2 && text.is(span_start - 1, "of") {
        // `an army of 1 million members`, `a force of 5,000`
        unit = lex.word(text, span_start - 2, &[Role::Noun]).map(|e| e.unit);
    }
    let stands_alone = class(text, end + 1) != Some(Class::Word) || lex.word(text, end + 1, &[Role::Stop, Role::Aux]).is_some();
    if unit.is_none() && stands_alone && matches!(x.form, Form::Digits | Form::Vague) {
        unit = counted_earlier(text, lex, span_start);
    }
    if matches!(unit, None | Some(Unit::People | Unit::Personnel)) && casualties_before(text, lex, span_start) {
        unit = Some(Unit::Casualties);
    }
    let counts = match x.form {
        Form::Words => x.low >= 2.0 && unit.is_some(),
        Form::Plain => x.low >= 2.0 || unit.is_some(),
        _ => true,
    };
    if !counts {
        return skip(end);
    }
    let (low, high) = (low * factor, high * factor);
    let (low, high) = match qualifier.map(|(e, _)| e.role) {
        Some(High) => (None, Some(high)),
        Some(Low) => (Some(low), None),
        _ => (Some(low), Some(high)),
    };
    let value = Value::Quantity { low, high, unit: unit.unwrap_or(Unit::Other) };
    Step::Found(Candidate { span: text.span(span_start, end), value }, end + 1)
}

/// Proposes quantity claims.
pub(crate) fn find(text: &Text, _options: &Options, out: &mut Vec<Candidate>) {
    let lex = lexicon();
    let mut i = 0;
    while i < text.tokens.len() {
        i = match candidate_at(text, lex, i) {
            Step::Found(candidate, next) => {
                out.push(candidate);
                next
            }
            Step::Skip(next) => next.max(i + 1),
            Step::Nothing => i + 1,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(src: &str) -> Vec<(String, Value)> {
        let text = Text::new(src);
        let options = Options::from_date("2022-01-10").unwrap();
        let mut out = Vec::new();
        find(&text, &options, &mut out);
        out.into_iter().map(|c| (src[c.span].to_string(), c.value)).collect()
    }

    #[test]
    fn tables_load() {
        let lex = lexicon();
        assert!(lex.entry("tens of thousands", &[Role::Vague]).is_some());
        assert!(lex.entry("us$", &[Role::Prefix]).is_some());
    }

    #[test]
    fn huge_digit_runs_neither_overflow_nor_stall() {
        let run = "1".to_string() + &",000".repeat(100_000);
        assert!(found(&run).is_empty());
        let digits = "9".repeat(1_000_000);
        assert!(found(&digits).is_empty());
        let spaced = "100 000 ".repeat(20_000);
        assert!(!found(&spaced).is_empty());
        let words = "two hundred ".repeat(20_000) + "troops";
        let _ = found(&words);
    }
}
