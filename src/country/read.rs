//! Reading a name in its context: a person's, an organisation's, a language, the US state
//! or the country, a town named before its state.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::table::{Meaning, Tables};
use super::unknown::display_name;
use super::Match;
use crate::claim::{CountryCode, Value};
use crate::scan::Candidate;
use crate::token::{Class, Gap, Text};

/// Reads each match in its context.
pub(super) struct Reader<'a, 't> {
    text: &'a Text<'a>,
    t: &'t Tables,
    found: &'a [Match<'t>],
    /// Words of the whole text that point to the United States and abroad, counted once.
    cues: Option<(usize, usize)>,
    /// The last token of the last name read as a language (`French` in `French and German`).
    language_end: Option<usize>,
    /// Names already read as a person's (`Lloyd Austin`), so that `Austin said` is one too.
    persons: HashSet<String>,
    /// Ambiguous names already settled by their neighbours: true for the US one.
    resolved: HashMap<String, bool>,
}

impl<'a, 't> Reader<'a, 't> {
    pub(super) fn new(text: &'a Text<'a>, t: &'t Tables, found: &'a [Match<'t>]) -> Self {
        Reader { text, t, found, cues: None, language_end: None, persons: HashSet::new(), resolved: HashMap::new() }
    }

    /// Token `i` lower-cased, or `""` past the end.
    fn lower(&self, i: usize) -> String {
        self.text.get(i).to_lowercase()
    }

    /// Whether token `i` is a capitalised word separated by white space from the one before.
    fn spaced_capital(&self, i: usize) -> bool {
        self.text.tokens.get(i).is_some_and(|t| t.class == Class::Word && t.gap == Gap::Space)
            && self.text.is_capitalised(i)
    }

    /// What match `k` means here, or `None` for no claim.
    pub(super) fn meaning(&mut self, k: usize) -> Option<Meaning> {
        let m = &self.found[k];
        if m.entries.iter().any(|e| e.meaning == Meaning::None) || self.in_organisation(m) {
            return None;
        }
        if m.entries.iter().any(|e| e.person) && self.is_person(k) {
            return None;
        }
        if m.entries.iter().all(|e| e.demonym) && self.is_language(k) {
            self.language_end = Some(m.last);
            return None;
        }
        if let Some(&Meaning::Country(code)) = m.entries.first().map(|e| &e.meaning) {
            if self.t.words.twin.contains(&self.lower(m.first)) && self.in_us(k, code) {
                return None;
            }
        }
        let after_comma = m.first >= 2 && self.text.get(m.first - 1) == "," && self.text.touches_next(m.first - 2);
        let mut options = m.entries.iter().filter(|e| after_comma || !e.abbrev).map(|e| e.meaning);
        let first = options.next()?;
        let meaning = match options.find(|&o| home_place(o) != home_place(first)) {
            Some(other) => {
                let (us, abroad) = if home_place(first) { (first, other) } else { (other, first) };
                if self.in_us(k, country_of(abroad)) {
                    us
                } else {
                    abroad
                }
            }
            None => first,
        };
        Some(self.relocate(k, meaning))
    }

    /// A place abroad followed by a US state (`Athens, Ga.`, `Paris, Texas`) is in the US;
    /// `Tbilisi, Georgia` stays where it is.
    fn relocate(&self, k: usize, meaning: Meaning) -> Meaning {
        let Meaning::Place { name, country } = meaning else { return meaning };
        let next = self.found.get(k + 1);
        let state = next.is_some_and(|n| {
            n.first == self.found[k].last + 2
                && self.text.get(n.first - 1) == ","
                && n.entries.iter().any(|e| e.state)
                && !n.entries.iter().any(|e| e.meaning == Meaning::Country(country))
        });
        if state {
            Meaning::Place { name, country: "US" }
        } else {
            meaning
        }
    }

    /// A town the tables lack, named before the state or country it lies in: a dateline
    /// (`INDEPENDENCE, Mo.`, `ST. CLOUD, Minn.`) or after a locative word (`in Luninets,
    /// Belarus.`, `a teacher of Massapequa, New York`).
    pub(super) fn town_before(&self, k: usize, country: CountryCode) -> Option<Candidate> {
        let (text, w, m) = (self.text, &self.t.words, &self.found[k]);
        if m.entries.iter().any(|e| e.demonym)
            || m.first < 2
            || text.get(m.first - 1) != ","
            || !text.touches_next(m.first - 2)
        {
            return None;
        }
        let last = m.first - 2;
        let known_until = k.checked_sub(1).map_or(0, |p| self.found[p].last + 1);
        let mut first = last;
        let is_name_word = |i: usize| {
            text.tokens[i].class == Class::Word
                && text.is_capitalised(i)
                && !w.open.contains(&self.lower(i))
                && !w.after.contains(&self.lower(i))
        };
        if last < known_until || !is_name_word(last) {
            return None;
        }
        while first > known_until && last - first < 2 && text.tokens[first].gap == Gap::Space && is_name_word(first - 1)
        {
            first -= 1;
        }
        let saint = first >= known_until + 2 && text.get(first - 1) == "." && text.is(first - 2, "st");
        if saint && text.touches_next(first - 2) {
            first -= 2;
        }
        let capitals = (first..=last).all(|i| !text.str(i).chars().any(char::is_lowercase));
        let dateline = capitals && text.tokens[first].gap == Gap::Block;
        let located = first > 0 && text.tokens[first].gap == Gap::Space && w.locative.contains(&self.lower(first - 1));
        let next = m.last + 1;
        let ends = match text.tokens.get(next) {
            None => true,
            Some(t) if t.gap == Gap::Block => true,
            Some(t) if t.class == Class::Punct => !matches!(text.get(next), "’" | "'" | "´" | "-"),
            Some(t) => t.class == Class::Word && w.loc_end.contains(&self.lower(next)),
        };
        // After `of`, only a region that ends a phrase (`Roth of Massapequa, New York, was`),
        // not a list (`the backing of Hezbollah, Moscow and Tehran`).
        let listed = || {
            let end = usize::from(text.get(next) == ",");
            !m.entries.iter().all(|e| matches!(e.meaning, Meaning::Place { .. }))
                || matches!(text.get(next + end), "and" | "or")
        };
        let located = located && !(text.is(first - 1, "of") && listed());
        if !(dateline || (located && ends)) {
            return None;
        }
        let name = display_name(&text.src[text.span(first, last)]);
        Some(Candidate { span: text.span(first, last), value: Value::Place { name: Cow::Owned(name), country } })
    }

    /// `Real Madrid`, `Radio Moscow`, `Kyiv Post`, `Iraqi Television`, `Baghdad radio`.
    fn in_organisation(&self, m: &Match) -> bool {
        let w = &self.t.words;
        let before = m.first.checked_sub(1).is_some_and(|p| {
            self.text.tokens[m.first].gap == Gap::Space
                && self.text.tokens[p].class == Class::Word
                && self.text.is_capitalised(p)
                && w.org_before.contains(&self.lower(p))
        });
        let next = m.last + 1;
        let spaced = self.text.tokens.get(next).is_some_and(|t| t.gap == Gap::Space);
        let city = m.entries.iter().any(|e| matches!(e.meaning, Meaning::Place { .. }));
        before
            || (self.spaced_capital(next) && w.org_after.contains(&self.lower(next)))
            || (city && spaced && w.broadcast.contains(&self.lower(next)))
    }

    /// `Michael Jordan`, `Jordan Henderson`, `Mr. Washington`, `Karine Jean-Pierre`, not
    /// `NATO Washington summit`; then `Jordan` alone, unless a locative word that does not
    /// also go with a person comes before it (`in Jordan`, not `a letter to Jordan`).
    fn is_person(&mut self, k: usize) -> bool {
        let (w, m) = (&self.t.words, &self.found[k]);
        let capitals = |i: usize| !self.text.str(i).chars().any(char::is_lowercase);
        let name_before = m.first.checked_sub(1).is_some_and(|p| {
            self.text.tokens[m.first].gap == Gap::Space
                && self.text.tokens[p].class == Class::Word
                && self.text.is_capitalised(p)
                && !w.open.contains(&self.lower(p))
                && (!capitals(p) || capitals(m.first))
        });
        let title = m.first >= 2 && self.text.get(m.first - 1) == "." && w.title.contains(&self.lower(m.first - 2));
        let double_barrelled = m.first >= 3
            && self.text.get(m.first - 1) == "-"
            && self.text.tokens[m.first].gap == Gap::None
            && self.text.tokens[m.first - 1].gap == Gap::None
            && self.spaced_capital(m.first - 2)
            && self.text.tokens[m.first - 3].class == Class::Word
            && self.text.is_capitalised(m.first - 3)
            && !w.open.contains(&self.lower(m.first - 3));
        let name_after = self.spaced_capital(m.last + 1)
            && !w.after.contains(&self.lower(m.last + 1))
            && self.found.get(k + 1).is_none_or(|n| n.first != m.last + 1);
        let name = self.lower(m.first);
        if name_before || title || name_after || double_barrelled {
            self.persons.insert(name);
            return true;
        }
        let placed = m.first.checked_sub(1).is_some_and(|p| {
            let word = self.lower(p);
            w.locative.contains(&word) && !w.movement.contains(&word)
        });
        !placed && !m.entries.iter().any(|e| e.capital) && self.persons.contains(&name)
    }

    /// `speaks French`, `in Russian.`, `in fluent Russian`, `Russian-speaking`, `French speakers`; not
    /// `in Russian and Ukrainian cities`.
    fn is_language(&self, k: usize) -> bool {
        let (w, m) = (&self.t.words, &self.found[k]);
        if !w.languages.contains(&self.lower(m.first)) || m.first != m.last {
            return false;
        }
        let next = m.last + 1;
        let hyphen = self.text.get(next) == "-" && self.text.touches_next(m.last) && self.text.touches_next(next);
        if w.lang_after.contains(&self.lower(if hyphen { next + 1 } else { next })) {
            return true;
        }
        let how = m.first.checked_sub(1).and_then(|p| {
            let compound = p >= 2 && self.text.get(p - 1) == "-" && self.text.touches_next(p - 2);
            let start = if compound && self.text.touches_next(p - 1) { p - 2 } else { p };
            w.lang_how.contains(&self.lower(start)).then_some(start)
        });
        let spoken = how.unwrap_or(m.first).checked_sub(1).is_some_and(|p| {
            w.lang.contains(&self.lower(p))
                || (matches!(self.text.get(p), "and" | "or" | ",")
                    && self.language_end.is_some_and(|l| l + 2 == m.first))
        });
        let ends = self.text.tokens.get(next).is_none_or(|t| t.class != Class::Word || t.gap == Gap::Block)
            || w.lang_end.contains(&self.lower(next));
        let listed_adjective = self.found.get(k + 1).filter(|n| n.first == next + 1).is_some_and(|n| {
            matches!(self.text.get(next), "and" | "or")
                && self.text.tokens.get(n.last + 1).is_some_and(|t| t.class == Class::Word && t.gap == Gap::Space)
                && !self.text.is_capitalised(n.last + 1)
                && !w.lang_end.contains(&self.lower(n.last + 1))
        });
        spoken && ends && !hyphen && !listed_adjective
    }

    /// Whether an ambiguous name (Georgia, Panama City) is the one in the United States:
    /// by the words right next to it, then by how it was read before, then by the whole text.
    fn in_us(&mut self, k: usize, abroad: CountryCode) -> bool {
        let m = &self.found[k];
        let name = self.text.src[self.text.span(m.first, m.last)].to_lowercase();
        if let Some(local) = self.in_us_here(k, abroad) {
            self.resolved.insert(name, local);
            return local;
        }
        if let Some(&before) = self.resolved.get(&name) {
            return before;
        }
        let (at_home, away) = *self.cues.get_or_insert_with(|| {
            let w = &self.t.words;
            let (mut at_home, mut away) = (0, 0);
            for i in 0..self.text.tokens.len() {
                if self.text.tokens[i].class == Class::Word {
                    let word = self.text.str(i).to_lowercase();
                    at_home += usize::from(w.us.contains(&word));
                    away += usize::from(w.abroad.contains(&word));
                }
            }
            (at_home, away)
        });
        at_home > away
    }

    /// What the words right next to match `k` say: the place before a comma (`Tbilisi,
    /// Georgia` is abroad; `Atlanta, Georgia` and `Athens, Georgia` are not), a US state after
    /// one (`Panama City, Fla.`), a US word after it (`Georgia Senate`, `Georgia's governor`),
    /// or its neighbours in a list.
    fn in_us_here(&self, k: usize, abroad: CountryCode) -> Option<bool> {
        let m = &self.found[k];
        let prev = k.checked_sub(1).map(|p| &self.found[p]);
        let next = self.found.get(k + 1);
        if let Some(p) = prev.filter(|p| p.last + 2 == m.first && self.text.get(m.first - 1) == ",") {
            if p.entries.iter().all(|e| matches!(e.meaning, Meaning::Place { .. })) {
                return Some(!p.entries.iter().any(|e| country_of(e.meaning) == abroad));
            }
        }
        if next.is_some_and(|n| {
            n.first == m.last + 2 && self.text.get(m.last + 1) == "," && n.entries.iter().any(|e| e.state)
        }) {
            return Some(true);
        }
        let mut after = m.last + 1;
        if matches!(self.text.get(after), "’" | "'" | "´") && self.text.is(after + 1, "s") {
            after += 2;
        }
        if self.t.words.us.contains(&self.lower(after)) {
            return Some(true);
        }
        for n in [prev, next].into_iter().flatten() {
            let (a, b) = if n.first < m.first { (n.last + 1, m.first) } else { (m.last + 1, n.first) };
            let listed = b > a && (a..b).all(|i| matches!(self.text.get(i), "," | "and" | "or" | "&"));
            if listed && n.entries.len() == 1 {
                return Some(is_home(n));
            }
        }
        None
    }
}

/// The country a meaning lies in (`""` for none).
fn country_of(meaning: Meaning) -> CountryCode {
    match meaning {
        Meaning::Country(code) | Meaning::Place { country: code, .. } => code,
        Meaning::None => "",
    }
}

/// Whether a meaning is a place in the United States.
fn home_place(meaning: Meaning) -> bool {
    matches!(meaning, Meaning::Place { country: "US", .. })
}

/// Whether a match can only be a place in the United States.
fn is_home(m: &Match) -> bool {
    m.entries.iter().all(|e| home_place(e.meaning))
}
