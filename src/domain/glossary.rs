//! The recovery-language glossary: its entries (built in, from `content/glossary.json`, and the
//! trainee's own), typo-tolerant search, categories and favourites.
//!
//! "Instead of / try" entries carry the phrases the language checker looks for
//! ([`GlossaryEntry::instead_of`]), so the checker's rules live in the data, never in code.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::grammar_slot::Slot;
use super::phrase_pattern::{phrase_variants, PatternError};
pub use super::phrase_rule::PhraseRule;

/// The category a trainee's own entry goes in when they don't choose one.
pub const OWN_CATEGORY: &str = "My own words";

/// Every own entry's id starts with this; no built-in id does.
pub const OWN_ID_PREFIX: &str = "own-";

const BUILTIN_JSON: &str = include_str!("../../content/glossary.json");

/// One glossary entry: a recovery concept, or an "instead of / try" pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlossaryEntry {
    /// Stable id, used for favourites, flashcards and findings ("mutuality", "own-3").
    pub id: String,
    /// The word or phrase the entry is about, as shown in the list.
    pub term: String,
    /// The category it is listed under.
    pub category: String,
    /// What it means, in plain words.
    pub explanation: String,
    /// A sentence using it well.
    #[serde(default)]
    pub example: String,
    /// The public guide it rests on (empty for a trainee's own entry).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Phrases the checker looks for (empty for concepts).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instead_of: Vec<PhraseRule>,
    /// What to try instead: replacements offered with one tap where they fit the sentence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
    /// The grammatical slots each suggestion (the entry's or a rule's) reads well in. A
    /// suggestion listed here is offered with one tap only where the finding's slot is among
    /// them, and as an idea for a rewrite elsewhere (an empty list: always an idea). A
    /// suggestion not listed (a trainee's own) is always offered with one tap.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fits: BTreeMap<String, Vec<Slot>>,
    /// Ideas for rewriting the sentence, shown with every finding (never applied with one tap).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ideas: Vec<String>,
    /// A short, kind note on why, shown with each finding.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
}

impl GlossaryEntry {
    /// Whether this is one of the trainee's own entries.
    pub fn is_own(&self) -> bool {
        self.id.starts_with(OWN_ID_PREFIX)
    }

    /// Whether the checker looks for this entry's phrases.
    pub fn is_instead_of(&self) -> bool {
        !self.instead_of.is_empty()
    }

    /// What to try instead of one of this entry's "instead of" phrases (a readable form, as
    /// given by [`GlossaryEntry::instead_of_phrases`]): the suggestions of the rule it comes
    /// from when that rule has its own ("suffers from" -> "lives with"), those that fit the
    /// phrase's grammatical form first, otherwise the entry's.
    pub fn suggestions_for_phrase(&self, phrase: &str) -> Vec<String> {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let found = self.instead_of.iter().find_map(|rule| {
            let sequences = rule.word_sequences().ok()?;
            let (_, slot) = sequences
                .into_iter()
                .find(|(seq, _)| seq.iter().eq(words.iter()))?;
            Some((
                rule.suggestions.as_deref().unwrap_or(&self.suggestions),
                slot,
            ))
        });
        let Some((list, slot)) = found else {
            return self.suggestions.clone();
        };
        let fits_here = |s: &String| match (self.fits.get(s), slot) {
            (Some(claims), Some(at)) => claims.iter().any(|c| c.fits(at)),
            (Some(_), None) => false,
            (None, _) => true,
        };
        let mut out: Vec<String> = list.iter().filter(|s| fits_here(s)).cloned().collect();
        out.extend(list.iter().filter(|s| !fits_here(s)).cloned());
        out
    }

    /// Readable forms of the "instead of" phrases ("suffering from", "non compliant"...), for
    /// display and search, with the plurals and verb forms the checker also finds. Invalid
    /// patterns are left out.
    pub fn instead_of_phrases(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for rule in &self.instead_of {
            if let Ok(sequences) = rule.word_sequences() {
                for (words, _) in sequences {
                    let phrase = words.join(" ");
                    if !out.contains(&phrase) {
                        out.push(phrase);
                    }
                }
            }
        }
        out
    }
}

#[derive(Deserialize)]
struct GlossaryFile {
    entries: Vec<GlossaryEntry>,
}

/// The built-in entries, parsed from `content/glossary.json` the first time they are asked for.
///
/// The file is part of the build and checked by tests, so a parse failure is a bug in the
/// content, not something a trainee can cause.
pub fn builtin_entries() -> &'static [GlossaryEntry] {
    static ENTRIES: OnceLock<Vec<GlossaryEntry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        serde_json::from_str::<GlossaryFile>(BUILTIN_JSON)
            .expect("content/glossary.json is valid (checked by the glossary tests)")
            .entries
    })
}

/// The built-in entry with this id.
pub fn builtin_entry(id: &str) -> Option<&'static GlossaryEntry> {
    builtin_entries().iter().find(|e| e.id == id)
}

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

/// Lower-cases, removes accents and apostrophes, and turns other punctuation into spaces, so
/// "Non-Compliant", "non compliant" and "what’s" compare as typed.
pub fn fold_for_search(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if super::phrase_pattern::is_apostrophe(c) {
            continue;
        }
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            for lower in c.to_lowercase() {
                match strip_accent(lower) {
                    Some(plain) => out.push_str(plain),
                    None => out.push(lower),
                }
            }
        } else if !matches!(c, '\u{0300}'..='\u{036F}') {
            pending_space = true;
        }
    }
    out
}

fn strip_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// The most typos tolerated in a word of this many letters: none in short words (where one
/// change makes a different word), one in medium words, two in long ones.
fn max_typos(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=5 => 1,
        _ => 2,
    }
}

/// Optimal string alignment distance (Damerau-Levenshtein where a transposition counts as one
/// edit) from `a` to `b`, and from `a` to the closest prefix of `b`. Stops early, returning
/// `None`, once every alignment costs more than `max`.
fn osa_distance(a: &[char], b: &[char], max: usize) -> Option<(usize, usize)> {
    let n = a.len();
    let m = b.len();
    if n.abs_diff(m) > max && n > m {
        return None;
    }
    // Three rolling rows: two back (for transpositions), previous, current.
    let mut two_back = vec![0usize; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur = vec![0usize; m + 1];
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(two_back[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut two_back, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let full = prev[m];
    let prefix = prev.iter().copied().min().unwrap_or(full);
    if prefix > max {
        return None;
    }
    Some((full, prefix))
}

/// A searchable piece of text, folded once.
#[derive(Debug, Clone)]
struct SearchField {
    folded: String,
    words: Vec<Vec<char>>,
}

impl SearchField {
    fn new(text: &str) -> Self {
        let folded = fold_for_search(text);
        let words = folded
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| w.chars().collect())
            .collect();
        SearchField { folded, words }
    }
}

/// How well one query matches one field; 0 means not at all.
fn field_score(field: &SearchField, query: &str, query_words: &[Vec<char>]) -> u32 {
    if field.folded.is_empty() {
        return 0;
    }
    if field.folded == query {
        return 1000;
    }
    if field.folded.starts_with(query) {
        return 900;
    }
    if query.len() >= 2 {
        if let Some(pos) = field.folded.find(query) {
            return if field.folded.as_bytes()[pos - 1] == b' ' {
                800
            } else {
                700
            };
        }
    }
    // Word by word, allowing typos: every query word must find a word in the field.
    let mut total = 0u32;
    for qw in query_words {
        let allowed = max_typos(qw.len());
        let mut best = 0u32;
        for fw in &field.words {
            let score = if fw == qw {
                40
            } else if fw.starts_with(qw) {
                30
            } else if allowed == 0 {
                0
            } else {
                match osa_distance(qw, fw, allowed) {
                    Some((full, _)) if full <= allowed => 25 - 5 * full as u32,
                    Some((_, prefix)) if prefix <= allowed && qw.len() >= 4 => {
                        18 - 5 * prefix as u32
                    }
                    _ => 0,
                }
            };
            best = best.max(score);
        }
        if best == 0 {
            return 0;
        }
        total += best;
    }
    400 + total * 4 / query_words.len().max(1) as u32
}

#[derive(Debug, Clone)]
struct IndexedEntry {
    term: SearchField,
    phrases: Vec<(String, SearchField)>,
    explanation_words: Vec<String>,
}

impl IndexedEntry {
    fn new(entry: &GlossaryEntry) -> Self {
        let phrases = entry
            .instead_of_phrases()
            .into_iter()
            .map(|p| {
                let field = SearchField::new(&p);
                (p, field)
            })
            .collect();
        let explanation_words =
            fold_for_search(&format!("{} {}", entry.explanation, entry.category))
                .split(' ')
                .filter(|w| w.len() >= 3)
                .map(str::to_string)
                .collect();
        IndexedEntry {
            term: SearchField::new(&entry.term),
            phrases,
            explanation_words,
        }
    }
}

fn builtin_index() -> &'static [IndexedEntry] {
    static INDEX: OnceLock<Vec<IndexedEntry>> = OnceLock::new();
    INDEX.get_or_init(|| builtin_entries().iter().map(IndexedEntry::new).collect())
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit<'a> {
    /// The entry found.
    pub entry: &'a GlossaryEntry,
    /// Higher is a better match; results come sorted by it.
    pub score: u32,
    /// The "instead of" phrase that matched, when the entry was found through one rather than
    /// by its term ("found from 'suffering from'").
    pub via_phrase: Option<String>,
}

fn score_entry(
    index: &IndexedEntry,
    query: &str,
    query_words: &[Vec<char>],
) -> (u32, Option<String>) {
    // The term counts a little more than a phrase, and a phrase more than the explanation.
    let mut best = field_score(&index.term, query, query_words);
    if best > 0 {
        best += 50;
    }
    let mut via = None;
    for (phrase, field) in &index.phrases {
        let s = field_score(field, query, query_words);
        if s > best {
            best = s;
            via = Some(phrase.clone());
        }
    }
    if best == 0 && query_words.iter().all(|qw| qw.len() >= 3) {
        let all_found = query_words.iter().all(|qw| {
            let qw: String = qw.iter().collect();
            index.explanation_words.iter().any(|w| w.starts_with(&qw))
        });
        if all_found {
            best = 200;
        }
    }
    (best, via)
}

// ---------------------------------------------------------------------------------------------
// The trainee's glossary: own entries and favourites
// ---------------------------------------------------------------------------------------------

/// What a trainee fills in to add or change one of their own entries.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnEntryDraft {
    /// The word or phrase (required).
    pub term: String,
    /// Where to list it; empty means [`OWN_CATEGORY`].
    pub category: String,
    /// What it means to them (required).
    pub explanation: String,
    /// An example sentence (optional).
    pub example: String,
    /// Phrases for the checker to look for (optional), one per item; the pattern syntax works
    /// but plain phrases are enough.
    pub instead_of: Vec<String>,
    /// What to suggest instead (optional).
    pub suggestions: Vec<String>,
    /// Why, in their words (optional).
    pub why: String,
}

/// Why an own entry could not be saved or changed. Nothing is changed when one of these is
/// returned; each message says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnEntryError {
    /// The term is empty.
    MissingTerm,
    /// The explanation is empty.
    MissingExplanation,
    /// A field is longer than the app keeps.
    TooLong {
        /// The field's name as the trainee sees it.
        field: &'static str,
        /// The most characters it can hold.
        max: usize,
    },
    /// They already have an own entry with this term.
    DuplicateTerm(String),
    /// An "instead of" phrase could not be read.
    Phrase(PatternError),
    /// An "instead of" phrase is a word so common it would be flagged everywhere.
    PhraseTooCommon(String),
    /// There are too many phrases or suggestions.
    TooMany {
        /// The list's name as the trainee sees it.
        field: &'static str,
        /// The most items it can hold.
        max: usize,
    },
    /// No own entry has this id.
    NotFound(String),
    /// The id belongs to a built-in entry, which can't be changed.
    BuiltIn(String),
}

impl fmt::Display for OwnEntryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OwnEntryError::MissingTerm => write!(f, "Add the word or phrase this entry is about."),
            OwnEntryError::MissingExplanation => {
                write!(f, "Add a few words on what it means to you, so future you remembers.")
            }
            OwnEntryError::TooLong { field, max } => {
                write!(f, "The {field} is longer than {max} characters; could you shorten it a little?")
            }
            OwnEntryError::DuplicateTerm(term) => write!(
                f,
                "You already have an entry called \"{term}\". You could edit that one instead."
            ),
            OwnEntryError::Phrase(e) => write!(f, "{e}"),
            OwnEntryError::PhraseTooCommon(p) => write!(
                f,
                "\"{p}\" is such a common word that it would be flagged almost everywhere; try a longer phrase."
            ),
            OwnEntryError::TooMany { field, max } => {
                write!(f, "An entry can hold up to {max} {field}; you could split it into two entries.")
            }
            OwnEntryError::NotFound(id) => {
                write!(f, "That entry ({id}) isn't there any more; it may have been deleted already.")
            }
            OwnEntryError::BuiltIn(id) => write!(
                f,
                "\"{id}\" is one of the built-in entries, which stay as they are; you can add your own version alongside it."
            ),
        }
    }
}

/// The part of the own-entry form an [`OwnEntryError`] is about, so the interface can show the
/// message beside that field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnEntryField {
    /// The word or phrase.
    Term,
    /// The category.
    Category,
    /// What it means.
    Explanation,
    /// The example sentence.
    Example,
    /// The "instead of" phrases.
    InsteadOf,
    /// The suggestions.
    Suggestions,
    /// The note on why.
    Why,
    /// The entry as a whole (it is missing, or built in).
    Whole,
}

impl OwnEntryError {
    /// Which field the trainee should look at to put this right.
    pub fn field(&self) -> OwnEntryField {
        match self {
            OwnEntryError::MissingTerm | OwnEntryError::DuplicateTerm(_) => OwnEntryField::Term,
            OwnEntryError::MissingExplanation => OwnEntryField::Explanation,
            OwnEntryError::Phrase(_) | OwnEntryError::PhraseTooCommon(_) => {
                OwnEntryField::InsteadOf
            }
            OwnEntryError::TooLong { field, .. } | OwnEntryError::TooMany { field, .. } => {
                match *field {
                    "term" => OwnEntryField::Term,
                    "category" => OwnEntryField::Category,
                    "explanation" => OwnEntryField::Explanation,
                    "example" => OwnEntryField::Example,
                    "suggestions" => OwnEntryField::Suggestions,
                    "note on why" => OwnEntryField::Why,
                    _ => OwnEntryField::InsteadOf,
                }
            }
            OwnEntryError::NotFound(_) | OwnEntryError::BuiltIn(_) => OwnEntryField::Whole,
        }
    }
}

impl std::error::Error for OwnEntryError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            OwnEntryError::Phrase(e) => Some(e),
            _ => None,
        }
    }
}

const MAX_TERM: usize = 120;
const MAX_TEXT: usize = 4000;
const MAX_LIST: usize = 20;
const MAX_LIST_ITEM: usize = 200;
const TOO_COMMON: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "he", "i", "in", "is",
    "it", "me", "my", "of", "on", "or", "she", "so", "that", "the", "they", "this", "to", "was",
    "we", "with", "you",
];

/// The trainee's side of the glossary: their own entries and their favourites. Plain data, saved
/// by the storage layer under its own key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraineeGlossary {
    /// Their own entries, in the order they added them.
    #[serde(default)]
    pub own_entries: Vec<GlossaryEntry>,
    /// Ids of favourite entries (built-in or own).
    #[serde(default)]
    pub favourites: BTreeSet<String>,
    /// The number the next own entry's id will use; never reused, so a deleted entry's
    /// flashcard progress can't attach to a new one.
    #[serde(default = "first_own_number")]
    pub next_own_number: u64,
}

fn first_own_number() -> u64 {
    1
}

fn clean_list(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

impl TraineeGlossary {
    /// Every entry: built-in first, then their own.
    pub fn all_entries(&self) -> impl Iterator<Item = &GlossaryEntry> {
        builtin_entries().iter().chain(self.own_entries.iter())
    }

    /// The entry with this id, built-in or own.
    pub fn entry(&self, id: &str) -> Option<&GlossaryEntry> {
        self.all_entries().find(|e| e.id == id)
    }

    /// Category names in the order they first appear (built-in order, then any new ones from own
    /// entries).
    pub fn categories(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for e in self.all_entries() {
            if !out.contains(&e.category) {
                out.push(e.category.clone());
            }
        }
        out
    }

    /// The entries in one category, in glossary order.
    pub fn entries_in(&self, category: &str) -> Vec<&GlossaryEntry> {
        self.all_entries()
            .filter(|e| e.category == category)
            .collect()
    }

    /// Search terms and "instead of" phrases, tolerating typos, best first, at most `limit`.
    /// An empty query finds nothing (the screen shows the categories instead).
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit<'_>> {
        let query = fold_for_search(query);
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        let query_words: Vec<Vec<char>> = query.split(' ').map(|w| w.chars().collect()).collect();
        let mut hits: Vec<SearchHit<'_>> = Vec::new();
        let own_index: Vec<IndexedEntry> = self.own_entries.iter().map(IndexedEntry::new).collect();
        let entries = builtin_entries()
            .iter()
            .zip(builtin_index())
            .chain(self.own_entries.iter().zip(&own_index));
        for (entry, index) in entries {
            let (score, via_phrase) = score_entry(index, &query, &query_words);
            if score > 0 {
                hits.push(SearchHit {
                    entry,
                    score,
                    via_phrase,
                });
            }
        }
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then_with(|| a.entry.term.cmp(&b.entry.term))
        });
        hits.truncate(limit);
        hits
    }

    /// Whether an entry is a favourite.
    pub fn is_favourite(&self, id: &str) -> bool {
        self.favourites.contains(id)
    }

    /// Adds or removes a favourite; returns whether it is now a favourite. Unknown ids are
    /// ignored (returns false).
    pub fn toggle_favourite(&mut self, id: &str) -> bool {
        if self.entry(id).is_none() {
            return false;
        }
        if self.favourites.remove(id) {
            false
        } else {
            self.favourites.insert(id.to_string());
            true
        }
    }

    /// The favourite entries, in glossary order (ids of entries that no longer exist are skipped).
    pub fn favourite_entries(&self) -> Vec<&GlossaryEntry> {
        self.all_entries()
            .filter(|e| self.favourites.contains(&e.id))
            .collect()
    }

    fn validated(
        &self,
        draft: &OwnEntryDraft,
        id: String,
        editing: Option<&str>,
    ) -> Result<GlossaryEntry, OwnEntryError> {
        let term = draft.term.trim();
        let explanation = draft.explanation.trim();
        if term.is_empty() {
            return Err(OwnEntryError::MissingTerm);
        }
        if explanation.is_empty() {
            return Err(OwnEntryError::MissingExplanation);
        }
        let category = match draft.category.trim() {
            "" => OWN_CATEGORY,
            c => c,
        };
        for (field, value, max) in [
            ("term", term, MAX_TERM),
            ("category", category, MAX_TERM),
            ("explanation", explanation, MAX_TEXT),
            ("example", draft.example.trim(), MAX_TEXT),
            ("note on why", draft.why.trim(), MAX_TEXT),
        ] {
            if value.chars().count() > max {
                return Err(OwnEntryError::TooLong { field, max });
            }
        }
        let instead_of = clean_list(&draft.instead_of);
        let suggestions = clean_list(&draft.suggestions);
        for (field, list) in [
            ("\"instead of\" phrases", &instead_of),
            ("suggestions", &suggestions),
        ] {
            if list.len() > MAX_LIST {
                return Err(OwnEntryError::TooMany {
                    field,
                    max: MAX_LIST,
                });
            }
            if list.iter().any(|item| item.chars().count() > MAX_LIST_ITEM) {
                return Err(OwnEntryError::TooLong {
                    field,
                    max: MAX_LIST_ITEM,
                });
            }
        }
        for phrase in &instead_of {
            let variants = phrase_variants(phrase).map_err(OwnEntryError::Phrase)?;
            if variants
                .iter()
                .any(|v| v.len() == 1 && TOO_COMMON.contains(&v[0].as_str()))
            {
                return Err(OwnEntryError::PhraseTooCommon(phrase.clone()));
            }
        }
        let folded = fold_for_search(term);
        if self
            .own_entries
            .iter()
            .any(|e| Some(e.id.as_str()) != editing && fold_for_search(&e.term) == folded)
        {
            return Err(OwnEntryError::DuplicateTerm(term.to_string()));
        }
        Ok(GlossaryEntry {
            id,
            term: term.to_string(),
            category: category.to_string(),
            explanation: explanation.to_string(),
            example: draft.example.trim().to_string(),
            source: String::new(),
            instead_of: instead_of.into_iter().map(PhraseRule::plain).collect(),
            suggestions,
            fits: BTreeMap::new(),
            ideas: Vec::new(),
            why: draft.why.trim().to_string(),
        })
    }

    /// Adds one of their own entries and returns it; on an error nothing changes.
    pub fn add_own(&mut self, draft: &OwnEntryDraft) -> Result<&GlossaryEntry, OwnEntryError> {
        let number = self.next_own_number.max(1);
        let mut id = format!("{OWN_ID_PREFIX}{number}");
        let mut number = number;
        while self.own_entries.iter().any(|e| e.id == id) {
            number += 1;
            id = format!("{OWN_ID_PREFIX}{number}");
        }
        let entry = self.validated(draft, id, None)?;
        self.next_own_number = number + 1;
        self.own_entries.push(entry);
        Ok(self.own_entries.last().expect("just pushed"))
    }

    /// Changes one of their own entries (its id stays the same); on an error nothing changes.
    pub fn update_own(
        &mut self,
        id: &str,
        draft: &OwnEntryDraft,
    ) -> Result<&GlossaryEntry, OwnEntryError> {
        let Some(pos) = self.own_entries.iter().position(|e| e.id == id) else {
            return Err(if builtin_entry(id).is_some() {
                OwnEntryError::BuiltIn(id.to_string())
            } else {
                OwnEntryError::NotFound(id.to_string())
            });
        };
        let entry = self.validated(draft, id.to_string(), Some(id))?;
        self.own_entries[pos] = entry;
        Ok(&self.own_entries[pos])
    }

    /// Deletes one of their own entries (and its favourite mark) and returns it, so the interface
    /// can offer to undo with [`TraineeGlossary::restore_own`].
    pub fn delete_own(&mut self, id: &str) -> Result<GlossaryEntry, OwnEntryError> {
        let Some(pos) = self.own_entries.iter().position(|e| e.id == id) else {
            return Err(if builtin_entry(id).is_some() {
                OwnEntryError::BuiltIn(id.to_string())
            } else {
                OwnEntryError::NotFound(id.to_string())
            });
        };
        self.favourites.remove(id);
        Ok(self.own_entries.remove(pos))
    }

    /// Puts back an entry returned by [`TraineeGlossary::delete_own`] (undo).
    pub fn restore_own(&mut self, entry: GlossaryEntry) {
        if entry.is_own() && !self.own_entries.iter().any(|e| e.id == entry.id) {
            self.own_entries.push(entry);
        }
    }

    /// A draft filled from an existing own entry, for its edit form.
    pub fn draft_of(&self, id: &str) -> Option<OwnEntryDraft> {
        let e = self.own_entries.iter().find(|e| e.id == id)?;
        Some(OwnEntryDraft {
            term: e.term.clone(),
            category: e.category.clone(),
            explanation: e.explanation.clone(),
            example: e.example.clone(),
            instead_of: e.instead_of.iter().map(|r| r.phrase.clone()).collect(),
            suggestions: e.suggestions.clone(),
            why: e.why.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(g: &TraineeGlossary, query: &str) -> Option<String> {
        g.search(query, 5).first().map(|h| h.entry.id.clone())
    }

    #[test]
    fn the_built_in_glossary_parses_and_has_at_least_eighty_entries() {
        assert!(
            builtin_entries().len() >= 80,
            "{} entries",
            builtin_entries().len()
        );
    }

    #[test]
    fn built_in_ids_are_unique_and_never_look_like_own_ids() {
        let mut seen = BTreeSet::new();
        for e in builtin_entries() {
            assert!(seen.insert(e.id.as_str()), "duplicate id {}", e.id);
            assert!(!e.is_own(), "{} uses the own-entry prefix", e.id);
            assert!(
                e.id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                e.id
            );
        }
    }

    #[test]
    fn every_built_in_entry_is_complete_and_every_rule_is_valid() {
        for e in builtin_entries() {
            assert!(!e.term.trim().is_empty(), "{}", e.id);
            assert!(!e.category.trim().is_empty(), "{}", e.id);
            assert!(
                e.explanation.len() > 40,
                "{} needs a fuller explanation",
                e.id
            );
            assert!(!e.example.trim().is_empty(), "{} needs an example", e.id);
            assert!(!e.source.trim().is_empty(), "{} needs a source", e.id);
            for rule in &e.instead_of {
                rule.validate()
                    .unwrap_or_else(|err| panic!("{}: {err}", e.id));
            }
            if e.is_instead_of() {
                assert!(!e.why.trim().is_empty(), "{} needs a why", e.id);
            }
        }
    }

    #[test]
    fn every_concept_in_the_facts_list_has_an_entry() {
        let g = TraineeGlossary::default();
        for id in [
            "recovery",
            "personal-recovery",
            "clinical-recovery",
            "hope",
            "chime",
            "connectedness",
            "hope-and-optimism",
            "identity",
            "meaning",
            "empowerment",
            "lived-experience",
            "peer",
            "peer-support",
            "peer-support-worker",
            "mutuality",
            "reciprocity",
            "choice-and-control",
            "shared-decision-making",
            "strengths-based-approach",
            "resilience",
            "intentional-sharing",
            "ask-share-ask",
            "active-listening",
            "listening-differently",
            "validation",
            "boundaries",
            "role-tension",
            "positive-risk-taking",
            "safety-planning",
            "trauma-informed-practice",
            "co-production",
            "recovery-college",
            "wellness-plan",
            "wrap",
            "self-care",
            "supervision",
            "equality-diversity",
            "group-facilitation",
            "ending-well",
            "stigma",
            "self-stigma",
            "person-first-language",
            "identity-first-language",
            "service-user",
            "intentional-peer-support",
        ] {
            assert!(g.entry(id).is_some(), "missing concept {id}");
        }
    }

    #[test]
    fn misspellings_still_find_the_entry() {
        let g = TraineeGlossary::default();
        assert_eq!(top(&g, "mutalty").as_deref(), Some("mutuality"));
        assert_eq!(top(&g, "boundries").as_deref(), Some("boundaries"));
        assert_eq!(top(&g, "reciprocty").as_deref(), Some("reciprocity"));
        assert_eq!(top(&g, "CHMIE").as_deref(), Some("chime"));
        assert_eq!(
            top(&g, "trauma informd").as_deref(),
            Some("trauma-informed-practice")
        );
    }

    #[test]
    fn a_half_typed_word_finds_the_entry() {
        let g = TraineeGlossary::default();
        assert_eq!(top(&g, "mutu").as_deref(), Some("mutuality"));
        assert_eq!(top(&g, "co-prod").as_deref(), Some("co-production"));
    }

    #[test]
    fn an_instead_of_phrase_finds_its_entry_and_says_so() {
        let g = TraineeGlossary::default();
        let hits = g.search("suffering from", 5);
        assert_eq!(hits[0].entry.id, "suffering-from");
        let hits = g.search("noncompliant", 5);
        assert_eq!(hits[0].entry.id, "non-compliant");
        let hits = g.search("commited suicide", 5);
        assert_eq!(hits[0].entry.id, "committed-suicide");
        let hits = g.search("frequent fliers", 5);
        assert_eq!(hits[0].entry.id, "frequent-flyer");
        assert!(hits[0].via_phrase.is_some());
    }

    #[test]
    fn search_ignores_case_accents_and_apostrophes() {
        let g = TraineeGlossary::default();
        assert_eq!(
            top(&g, "WHATS WRONG").as_deref(),
            Some("whats-wrong-with-you")
        );
        assert_eq!(
            top(&g, "what’s wrong").as_deref(),
            Some("whats-wrong-with-you")
        );
        assert_eq!(
            fold_for_search("Café  Non-Compliant!"),
            "cafe non compliant"
        );
    }

    #[test]
    fn nonsense_and_empty_queries_find_nothing() {
        let g = TraineeGlossary::default();
        assert!(g.search("", 10).is_empty());
        assert!(g.search("   ", 10).is_empty());
        assert!(g.search("xqzvw", 10).is_empty());
    }

    #[test]
    fn search_over_the_whole_glossary_is_fast_enough_for_every_keystroke() {
        // Not a timing assertion: a guard that search stays linear, checked by counting results.
        let g = TraineeGlossary::default();
        for q in ["h", "ho", "hop", "hope", "hopef", "hopefu", "hopeful"] {
            assert!(g.search(q, 20).len() <= 20);
        }
    }

    #[test]
    fn osa_counts_a_swap_as_one_edit() {
        let a: Vec<char> = "chmie".chars().collect();
        let b: Vec<char> = "chime".chars().collect();
        assert_eq!(osa_distance(&a, &b, 2), Some((1, 1)));
        let a: Vec<char> = "mutal".chars().collect();
        let b: Vec<char> = "mutuality".chars().collect();
        assert_eq!(osa_distance(&a, &b, 2).map(|d| d.1), Some(1));
        assert_eq!(
            osa_distance(&a, &"zzzzzzz".chars().collect::<Vec<_>>(), 1),
            None
        );
    }

    fn draft(term: &str, phrases: &[&str]) -> OwnEntryDraft {
        OwnEntryDraft {
            term: term.into(),
            explanation: "Words I want to notice in my own writing.".into(),
            instead_of: phrases.iter().map(|s| s.to_string()).collect(),
            suggestions: vec!["going through a hard time".into()],
            ..Default::default()
        }
    }

    #[test]
    fn own_entries_can_be_added_edited_and_deleted() {
        let mut g = TraineeGlossary::default();
        let id = g
            .add_own(&draft("Away with the fairies", &["away with the fairies"]))
            .unwrap()
            .id
            .clone();
        assert_eq!(id, "own-1");
        assert_eq!(g.entry(&id).unwrap().category, OWN_CATEGORY);
        assert!(g.categories().contains(&OWN_CATEGORY.to_string()));
        assert_eq!(top(&g, "away with the fairys").as_deref(), Some("own-1"));

        let mut changed = draft(
            "Away with the fairies",
            &["away with the fairies", "away-with-the-fairies"],
        );
        changed.category = "Words I'm unlearning".into();
        g.update_own(&id, &changed).unwrap();
        assert_eq!(g.entry(&id).unwrap().instead_of.len(), 2);
        assert_eq!(g.entries_in("Words I'm unlearning").len(), 1);

        g.toggle_favourite(&id);
        let removed = g.delete_own(&id).unwrap();
        assert!(g.entry(&id).is_none());
        assert!(!g.is_favourite(&id), "deleting also forgets the favourite");
        g.restore_own(removed);
        assert!(g.entry(&id).is_some(), "undo brings it back");

        // Ids are never reused.
        g.delete_own(&id).unwrap();
        assert_eq!(g.add_own(&draft("Another", &[])).unwrap().id, "own-2");
    }

    #[test]
    fn a_bad_own_entry_is_refused_kindly_and_changes_nothing() {
        let mut g = TraineeGlossary::default();
        g.add_own(&draft("Basket case", &[])).unwrap();
        let before = g.clone();
        let cases = [
            (draft("  ", &[]), OwnEntryError::MissingTerm),
            (
                OwnEntryDraft {
                    term: "x".into(),
                    ..Default::default()
                },
                OwnEntryError::MissingExplanation,
            ),
            (
                draft("basket  CASE", &[]),
                OwnEntryError::DuplicateTerm("basket  CASE".into()),
            ),
            (
                draft("Odd", &["the"]),
                OwnEntryError::PhraseTooCommon("the".into()),
            ),
        ];
        for (d, expected) in cases {
            let err = g.add_own(&d).unwrap_err();
            assert_eq!(err, expected);
            assert!(err.to_string().len() > 20);
            assert_eq!(g, before);
        }
        let err = g.add_own(&draft("Odd", &["suffer{ing"])).unwrap_err();
        assert!(matches!(
            err,
            OwnEntryError::Phrase(PatternError::UnbalancedBrace(_))
        ));
        let long = "x".repeat(MAX_TERM + 1);
        assert!(matches!(
            g.add_own(&draft(&long, &[])),
            Err(OwnEntryError::TooLong { field: "term", .. })
        ));
        assert!(matches!(
            g.update_own("hope", &draft("Hope", &[])),
            Err(OwnEntryError::BuiltIn(_))
        ));
        assert!(matches!(
            g.delete_own("own-99"),
            Err(OwnEntryError::NotFound(_))
        ));
        assert_eq!(g, before);
    }

    #[test]
    fn favourites_are_a_set_of_known_ids() {
        let mut g = TraineeGlossary::default();
        assert!(g.toggle_favourite("hope"));
        assert!(g.toggle_favourite("mutuality"));
        assert!(!g.toggle_favourite("no-such-entry"));
        let ids: Vec<&str> = g
            .favourite_entries()
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids.len(), 2);
        assert!(!g.toggle_favourite("hope"));
        assert!(!g.is_favourite("hope"));
    }

    #[test]
    fn trainee_glossary_round_trips_through_json_and_tolerates_missing_fields() {
        let mut g = TraineeGlossary::default();
        g.add_own(&draft("Basket case", &["basket case"])).unwrap();
        g.toggle_favourite("hope");
        let json = serde_json::to_string(&g).unwrap();
        assert_eq!(serde_json::from_str::<TraineeGlossary>(&json).unwrap(), g);
        let empty: TraineeGlossary = serde_json::from_str("{}").unwrap();
        assert_eq!(empty.next_own_number, 1);
    }

    #[test]
    fn detailed_rules_read_from_objects_and_plain_ones_from_strings() {
        let rules: Vec<PhraseRule> =
            serde_json::from_str(r#"["x y", {"phrase": "p", "only_preceded_by": ["a"]}]"#).unwrap();
        assert_eq!(rules[0], PhraseRule::plain("x y"));
        assert_eq!(rules[1].only_preceded_by, ["a"]);
        let back = serde_json::to_string(&rules).unwrap();
        assert_eq!(back, r#"["x y",{"phrase":"p","only_preceded_by":["a"]}]"#);
    }

    #[test]
    fn each_own_entry_error_names_the_field_to_put_right() {
        let mut g = TraineeGlossary::default();
        let draft = |term: &str, explanation: &str| OwnEntryDraft {
            term: term.into(),
            explanation: explanation.into(),
            ..OwnEntryDraft::default()
        };
        let field_of =
            |g: &mut TraineeGlossary, d: &OwnEntryDraft| g.add_own(d).unwrap_err().field();
        assert_eq!(field_of(&mut g, &draft("", "x")), OwnEntryField::Term);
        assert_eq!(
            field_of(&mut g, &draft("x", " ")),
            OwnEntryField::Explanation
        );
        let long_example = OwnEntryDraft {
            example: "a".repeat(MAX_TEXT + 1),
            ..draft("x", "y")
        };
        assert_eq!(field_of(&mut g, &long_example), OwnEntryField::Example);
        let common = OwnEntryDraft {
            instead_of: vec!["the".into()],
            ..draft("x", "y")
        };
        assert_eq!(field_of(&mut g, &common), OwnEntryField::InsteadOf);
        let too_many = OwnEntryDraft {
            suggestions: vec!["s".into(); MAX_LIST + 1],
            ..draft("x", "y")
        };
        assert_eq!(field_of(&mut g, &too_many), OwnEntryField::Suggestions);
        g.add_own(&draft("Thriving", "Doing well")).unwrap();
        assert_eq!(
            field_of(&mut g, &draft("thriving", "again")),
            OwnEntryField::Term
        );
        assert_eq!(
            g.update_own("hope", &draft("a", "b")).unwrap_err().field(),
            OwnEntryField::Whole
        );
    }

    #[test]
    fn a_phrase_found_by_search_brings_the_suggestions_of_its_own_rule() {
        let entry = builtin_entry("suffering-from").unwrap();
        assert_eq!(
            entry.suggestions_for_phrase("suffers from")[0],
            "lives with"
        );
        assert_eq!(
            entry.suggestions_for_phrase("suffering with")[0],
            "living with"
        );
        // A phrase the entry doesn't have falls back to the entry's own suggestions.
        assert_eq!(
            entry.suggestions_for_phrase("unknown words"),
            entry.suggestions
        );
    }
}
