//! The recovery-language checker: finds deficit-based, clinical or stigmatising phrases in a
//! draft, using the "instead of" phrases of the glossary (built-in and the trainee's own), and
//! applies a chosen suggestion as an undoable edit.
//!
//! How it works: the glossary's phrase patterns are compiled once into word sequences, indexed by
//! their first word in a hash map. A check tokenises the text once (see
//! [`phrase_pattern`](super::phrase_pattern)) and walks the words; at each word only the rules
//! starting with that word are tried, longest first, and the first one whose words and context
//! fit wins. So a check costs one pass over the text whatever the size of the glossary.
//!
//! For the editor, [`ParagraphCache`] keeps each paragraph's findings keyed by the paragraph's
//! text, so after a keystroke only the paragraph that changed is checked again.

use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::glossary::{builtin_entries, GlossaryEntry};
use super::phrase_pattern::{paragraph_ranges, phrase_variants, tokenize, Tokens};

/// One phrase the checker found.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Finding {
    /// Byte offset where the phrase starts in the checked text (always a character boundary).
    pub start: usize,
    /// Byte offset just past the phrase (always a character boundary).
    pub end: usize,
    /// The phrase as written: `text[start..end]`.
    pub matched: String,
    /// The glossary entry it comes from, for its page and its "why".
    pub entry_id: String,
    /// What could go there instead, ready to apply (may be empty when only a rewrite will do).
    pub suggestions: Vec<String>,
    /// A short, kind note on why.
    pub why: String,
}

/// Checks text against the built-in glossary.
///
/// The rules are compiled the first time this is called and kept for the life of the program.
pub fn check_language(text: &str) -> Vec<Finding> {
    Checker::builtin().check(text)
}

/// A sequence of words, as compiled from a pattern.
type Words = Box<[Box<str>]>;

#[derive(Debug, Default)]
struct Context {
    unless_before: Vec<Words>,
    unless_after: Vec<Words>,
    only_before: Vec<Words>,
    only_after: Vec<Words>,
}

#[derive(Debug)]
struct CompiledRule {
    words: Words,
    entry: usize,
    suggestions: usize,
    context: usize,
}

#[derive(Debug)]
struct EntryInfo {
    id: String,
    why: String,
}

/// A compiled set of "instead of" rules, ready to check text.
#[derive(Debug)]
pub struct Checker {
    id: u64,
    entries: Vec<EntryInfo>,
    suggestion_lists: Vec<Vec<String>>,
    contexts: Vec<Context>,
    rules: Vec<CompiledRule>,
    /// First word -> rules starting with it, longest first.
    by_first_word: HashMap<Box<str>, Vec<usize>>,
    skipped: Vec<String>,
}

fn compile_words(pattern: &str) -> Result<Vec<Words>, super::phrase_pattern::PatternError> {
    Ok(phrase_variants(pattern)?
        .into_iter()
        .map(|v| v.into_iter().map(String::into_boxed_str).collect())
        .collect())
}

fn compile_list(patterns: &[String]) -> Result<Vec<Words>, super::phrase_pattern::PatternError> {
    let mut out = Vec::new();
    for p in patterns {
        out.extend(compile_words(p)?);
    }
    Ok(out)
}

impl Checker {
    /// The checker for the built-in glossary, compiled once.
    pub fn builtin() -> &'static Checker {
        static CHECKER: OnceLock<Checker> = OnceLock::new();
        CHECKER.get_or_init(|| Checker::from_entries(builtin_entries()))
    }

    /// A checker for the built-in glossary plus the trainee's own entries. Where an own phrase
    /// is the same as a built-in one, the trainee's entry wins.
    pub fn with_own_entries(own: &[GlossaryEntry]) -> Checker {
        Checker::from_entries(own.iter().chain(builtin_entries()))
    }

    /// A checker for any entries. Entries earlier in the list win ties between equally long
    /// phrases. A rule that cannot be read is skipped (and listed by [`Checker::skipped_rules`])
    /// rather than stopping the whole checker: the editor must keep working.
    pub fn from_entries<'a>(entries: impl IntoIterator<Item = &'a GlossaryEntry>) -> Checker {
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        let mut checker = Checker {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            entries: Vec::new(),
            suggestion_lists: Vec::new(),
            contexts: Vec::new(),
            rules: Vec::new(),
            by_first_word: HashMap::new(),
            skipped: Vec::new(),
        };
        for entry in entries {
            if entry.instead_of.is_empty() {
                continue;
            }
            let entry_index = checker.entries.len();
            checker.entries.push(EntryInfo {
                id: entry.id.clone(),
                why: entry.why.clone(),
            });
            let default_suggestions = checker.suggestion_lists.len();
            checker.suggestion_lists.push(entry.suggestions.clone());
            for rule in &entry.instead_of {
                let compiled = (|| {
                    let variants = compile_words(&rule.phrase)?;
                    let context = Context {
                        unless_before: compile_list(&rule.unless_preceded_by)?,
                        unless_after: compile_list(&rule.unless_followed_by)?,
                        only_before: compile_list(&rule.only_preceded_by)?,
                        only_after: compile_list(&rule.only_followed_by)?,
                    };
                    Ok::<_, super::phrase_pattern::PatternError>((variants, context))
                })();
                let (variants, context) = match compiled {
                    Ok(c) => c,
                    Err(e) => {
                        checker.skipped.push(format!("{}: {e}", entry.id));
                        continue;
                    }
                };
                let suggestions = match &rule.suggestions {
                    Some(list) => {
                        checker.suggestion_lists.push(list.clone());
                        checker.suggestion_lists.len() - 1
                    }
                    None => default_suggestions,
                };
                let context_index = checker.contexts.len();
                checker.contexts.push(context);
                for words in variants {
                    checker.rules.push(CompiledRule {
                        words,
                        entry: entry_index,
                        suggestions,
                        context: context_index,
                    });
                }
            }
        }
        for (i, rule) in checker.rules.iter().enumerate() {
            checker
                .by_first_word
                .entry(rule.words[0].clone())
                .or_default()
                .push(i);
        }
        let rules = &checker.rules;
        for list in checker.by_first_word.values_mut() {
            // Stable: equally long rules keep the order of the entries given.
            list.sort_by_key(|&i| std::cmp::Reverse(rules[i].words.len()));
        }
        checker
    }

    /// Rules that could not be compiled, as "entry-id: reason" (empty for the built-in data).
    pub fn skipped_rules(&self) -> &[String] {
        &self.skipped
    }

    /// How many word sequences the checker looks for.
    pub fn rule_count(&self) -> usize {
        self.rules.len()
    }

    /// Finds every flagged phrase in `text`, in order, never overlapping.
    pub fn check(&self, text: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        self.check_into(text, 0, &mut out);
        out
    }

    /// Checks `text` and appends findings shifted by `offset`.
    fn check_into(&self, text: &str, offset: usize, out: &mut Vec<Finding>) {
        let tokens = tokenize(text);
        let n = tokens.tokens.len();
        let mut i = 0;
        while i < n {
            if tokens.tokens[i].quoted {
                i += 1;
                continue;
            }
            let Some(candidates) = self.by_first_word.get(tokens.word(i)) else {
                i += 1;
                continue;
            };
            let found = candidates.iter().map(|&r| &self.rules[r]).find(|rule| {
                words_at(&tokens, i, &rule.words) && self.context_allows(&tokens, i, rule)
            });
            match found {
                Some(rule) => {
                    let last = i + rule.words.len() - 1;
                    let start = tokens.tokens[i].start;
                    let end = tokens.tokens[last].end;
                    let entry = &self.entries[rule.entry];
                    out.push(Finding {
                        start: start + offset,
                        end: end + offset,
                        matched: text[start..end].to_string(),
                        entry_id: entry.id.clone(),
                        suggestions: self.suggestion_lists[rule.suggestions].clone(),
                        why: entry.why.clone(),
                    });
                    i = last + 1;
                }
                None => i += 1,
            }
        }
    }

    fn context_allows(&self, tokens: &Tokens, i: usize, rule: &CompiledRule) -> bool {
        let context = &self.contexts[rule.context];
        let after = i + rule.words.len();
        let before_matches = |w: &Words| words_before(tokens, i, w);
        let after_matches =
            |w: &Words| words_at(tokens, after, w) && tokens.tokens[after].joins_previous;
        (context.only_before.is_empty() || context.only_before.iter().any(before_matches))
            && (context.only_after.is_empty() || context.only_after.iter().any(after_matches))
            && !context.unless_before.iter().any(before_matches)
            && !context.unless_after.iter().any(after_matches)
    }

    /// Checks a draft using (and refreshing) a per-paragraph cache: paragraphs whose text is
    /// unchanged since the last call are not checked again. The result is always the same as
    /// [`Checker::check`] on the whole text.
    pub fn check_cached(&self, text: &str, cache: &mut ParagraphCache) -> Vec<Finding> {
        if cache.checker_id != self.id {
            cache.paragraphs.clear();
            cache.checker_id = self.id;
        }
        cache.generation = cache.generation.wrapping_add(1);
        let generation = cache.generation;
        let mut out = Vec::new();
        cache.last_rechecked = 0;
        for range in paragraph_ranges(text) {
            let paragraph = &text[range.clone()];
            match cache.paragraphs.get_mut(paragraph) {
                Some(cached) => cached.1 = generation,
                None => {
                    let mut found = Vec::new();
                    self.check_into(paragraph, 0, &mut found);
                    cache
                        .paragraphs
                        .insert(paragraph.to_string(), (found, generation));
                    cache.last_rechecked += 1;
                }
            }
            let (found, _) = &cache.paragraphs[paragraph];
            out.extend(found.iter().map(|f| Finding {
                start: f.start + range.start,
                end: f.end + range.start,
                ..f.clone()
            }));
        }
        cache.paragraphs.retain(|_, (_, g)| *g == generation);
        out
    }
}

/// Whether the words of `words` appear at token `i`, joined as a phrase.
fn words_at(tokens: &Tokens, i: usize, words: &[Box<str>]) -> bool {
    let n = tokens.tokens.len();
    if i + words.len() > n {
        return false;
    }
    words
        .iter()
        .enumerate()
        .all(|(k, w)| (k == 0 || tokens.tokens[i + k].joins_previous) && tokens.word(i + k) == &**w)
}

/// Whether `words` end just before token `i`, joined to it.
fn words_before(tokens: &Tokens, i: usize, words: &[Box<str>]) -> bool {
    i >= words.len() && tokens.tokens[i].joins_previous && words_at(tokens, i - words.len(), words)
}

/// Findings per paragraph, remembered between checks of the same draft (see
/// [`Checker::check_cached`]). Keep one per open draft; it forgets paragraphs that are gone, and
/// everything when used with a different checker.
#[derive(Debug, Default)]
pub struct ParagraphCache {
    checker_id: u64,
    generation: u64,
    paragraphs: HashMap<String, (Vec<Finding>, u64)>,
    last_rechecked: usize,
}

impl ParagraphCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many paragraphs the last [`Checker::check_cached`] had to check afresh.
    pub fn last_rechecked(&self) -> usize {
        self.last_rechecked
    }
}

// ---------------------------------------------------------------------------------------------
// Applying a suggestion
// ---------------------------------------------------------------------------------------------

/// One change to a text, enough to undo or redo it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextEdit {
    /// Byte offset where the change starts.
    pub start: usize,
    /// The text that was there.
    pub removed: String,
    /// The text put in its place.
    pub inserted: String,
}

impl TextEdit {
    /// The text with this edit undone, if the edited text is still there.
    pub fn undo(&self, text: &str) -> Result<String, ApplyError> {
        replace_checked(text, self.start, &self.inserted, &self.removed)
    }

    /// The text with this edit made again, if the original text is still there.
    pub fn redo(&self, text: &str) -> Result<String, ApplyError> {
        replace_checked(text, self.start, &self.removed, &self.inserted)
    }
}

/// Why a suggestion or an undo could not be applied. The text is left as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyError {
    /// The text at that place is no longer what it was (it was edited since the check).
    TextChanged {
        /// What was expected there.
        expected: String,
    },
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApplyError::TextChanged { expected } => write!(
                f,
                "\"{expected}\" has changed since it was checked, so nothing was replaced; the check will run again in a moment."
            ),
        }
    }
}

impl std::error::Error for ApplyError {}

fn replace_checked(
    text: &str,
    start: usize,
    expected: &str,
    replacement: &str,
) -> Result<String, ApplyError> {
    let end = start.checked_add(expected.len());
    match end.and_then(|end| text.get(start..end)) {
        Some(found) if found == expected => {
            let end = start + expected.len();
            let mut out = String::with_capacity(text.len() - expected.len() + replacement.len());
            out.push_str(&text[..start]);
            out.push_str(replacement);
            out.push_str(&text[end..]);
            Ok(out)
        }
        _ => Err(ApplyError::TextChanged {
            expected: expected.to_string(),
        }),
    }
}

/// Gives `suggestion` the capitalisation of `matched`: "Suffering from" + "living with" ->
/// "Living with"; "NON-COMPLIANT" + "chose not to" -> "CHOSE NOT TO". A suggestion that already
/// has capitals (a name such as "Mental Health Act") keeps them.
pub fn match_capitalisation(matched: &str, suggestion: &str) -> String {
    let letters: Vec<char> = matched.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    if all_caps {
        return suggestion.to_uppercase();
    }
    if letters.first().is_some_and(|c| c.is_uppercase()) {
        let mut chars = suggestion.chars();
        if let Some(first) = chars.next() {
            return first.to_uppercase().chain(chars).collect();
        }
    }
    suggestion.to_string()
}

/// Replaces a finding's phrase with a suggestion (capitalised to match) and returns the new text
/// and the edit, for undo. Fails, changing nothing, when the text no longer holds the finding's
/// phrase at its place.
pub fn apply_suggestion(
    text: &str,
    finding: &Finding,
    suggestion: &str,
) -> Result<(String, TextEdit), ApplyError> {
    let inserted = match_capitalisation(&finding.matched, suggestion);
    let new_text = replace_checked(text, finding.start, &finding.matched, &inserted)?;
    let edit = TextEdit {
        start: finding.start,
        removed: finding.matched.clone(),
        inserted,
    };
    Ok((new_text, edit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::glossary::PhraseRule;

    fn found(text: &str) -> Vec<(String, String)> {
        check_language(text)
            .into_iter()
            .map(|f| (f.entry_id, f.matched))
            .collect()
    }

    fn ids(text: &str) -> Vec<String> {
        check_language(text)
            .into_iter()
            .map(|f| f.entry_id)
            .collect()
    }

    #[test]
    fn the_built_in_rules_all_compile() {
        assert!(
            Checker::builtin().skipped_rules().is_empty(),
            "{:?}",
            Checker::builtin().skipped_rules()
        );
        assert!(Checker::builtin().rule_count() > 100);
    }

    #[test]
    fn case_does_not_matter() {
        for text in ["Suffering from", "SUFFERING FROM", "sUfFeRiNg FrOm"] {
            assert_eq!(ids(text), ["suffering-from"], "{text}");
        }
    }

    #[test]
    fn inflections_are_found() {
        for text in [
            "she suffers from",
            "he suffered from",
            "I was suffering from",
            "people suffer from",
        ] {
            assert_eq!(ids(text), ["suffering-from"], "{text}");
        }
        assert_eq!(ids("He relapsed in May."), ["relapse"]);
        assert_eq!(ids("Relapses happen."), ["relapse"]);
    }

    #[test]
    fn hyphen_space_and_joined_forms_are_all_found() {
        for text in [
            "non-compliant",
            "noncompliant",
            "non compliant",
            "non\u{2011}compliant",
            "non -\ncompliant",
        ] {
            assert_eq!(
                found(text),
                [("non-compliant".to_string(), text.to_string())],
                "{text:?}"
            );
        }
    }

    #[test]
    fn straight_and_curly_apostrophes_are_the_same() {
        assert_eq!(
            ids("I asked what's wrong with you today"),
            ["whats-wrong-with-you"]
        );
        assert_eq!(
            ids("I asked what\u{2019}s wrong with you today"),
            ["whats-wrong-with-you"]
        );
    }

    #[test]
    fn line_breaks_and_runs_of_spaces_inside_a_phrase_are_fine() {
        let text = "a record of him being\r\n   non-compliant and\n\tsuffering\nfrom  low mood";
        let f = found(text);
        assert_eq!(f.len(), 2);
        assert_eq!(f[1].1, "suffering\nfrom");
    }

    #[test]
    fn a_blank_line_or_punctuation_ends_a_phrase() {
        assert!(ids("I kept suffering.\nFrom then on").is_empty());
        assert!(ids("the suffering\n\nfrom that year").is_empty());
        assert!(ids("suffering, from what I saw").is_empty());
    }

    #[test]
    fn only_whole_words_match() {
        assert!(ids("a fundamental change").is_empty());
        assert!(ids("peanuts and cashews").is_empty());
        assert!(ids("the addiction service").is_empty());
        assert!(ids("asylums").is_empty() || ids("asylums") == ["asylum"]);
    }

    #[test]
    fn context_rules_avoid_false_alarms() {
        for fine in [
            "Be patient with yourself.",
            "I am learning to be patient with myself.",
            "She was patient and kind.",
            "a patient listener",
            "I cleaned the kitchen and it was clean.",
            "a dirty plate",
            "I made a mental note.",
            "mental health matters",
            "refused to give up",
            "an alcoholic drink",
            "asylum seekers",
            "I felt hopeless for a long time.",
        ] {
            assert!(
                ids(fine).is_empty(),
                "false alarm in {fine:?}: {:?}",
                found(fine)
            );
        }
        assert_eq!(ids("the patient was discharged"), ["patient"]);
        assert_eq!(ids("He refused medication."), ["refused"]);
        assert_eq!(ids("a clean drug test"), ["clean-dirty-test"]);
    }

    #[test]
    fn quoted_words_are_left_alone() {
        assert!(ids("They wrote that I was \"non-compliant\".").is_empty());
        assert!(
            ids("Instead of \u{2018}what\u{2019}s wrong with you\u{2019}, ask what happened.")
                .is_empty()
        );
        assert_eq!(
            ids("\"Fine,\" she said, but he was non-compliant."),
            ["non-compliant"]
        );
    }

    #[test]
    fn the_longest_phrase_wins() {
        assert_eq!(ids("our relapse prevention plan"), ["relapse-prevention"]);
        assert_eq!(
            found("he committed suicide"),
            [(
                "committed-suicide".to_string(),
                "committed suicide".to_string()
            )]
        );
    }

    #[test]
    fn findings_carry_suggestions_and_a_why() {
        let f = &check_language("She suffers from anxiety.")[0];
        assert_eq!((f.start, f.end), (4, 16));
        assert_eq!(f.matched, "suffers from");
        assert!(
            f.suggestions.iter().any(|s| s == "lives with"),
            "{:?}",
            f.suggestions
        );
        assert!(!f.why.is_empty());
        let json = serde_json::to_string(f).unwrap();
        assert_eq!(serde_json::from_str::<Finding>(&json).unwrap(), *f);
    }

    #[test]
    fn own_entries_add_their_phrases_and_win_ties() {
        let own = GlossaryEntry {
            id: "own-1".into(),
            term: "Basket case".into(),
            category: "My own words".into(),
            explanation: "x".into(),
            example: String::new(),
            source: String::new(),
            instead_of: vec![
                PhraseRule::plain("basket case"),
                PhraseRule::plain("non-compliant"),
            ],
            suggestions: vec!["having a hard time".into()],
            why: "my note".into(),
        };
        let checker = Checker::with_own_entries(std::slice::from_ref(&own));
        let f = checker.check("I felt like a basket case, and was called non compliant");
        let got: Vec<(&str, &str)> = f
            .iter()
            .map(|f| (f.entry_id.as_str(), f.matched.as_str()))
            .collect();
        assert_eq!(got, [("own-1", "basket case"), ("own-1", "non compliant")]);
        assert_eq!(f[0].suggestions, ["having a hard time"]);
    }

    #[test]
    fn the_cache_rechecks_only_changed_paragraphs_and_agrees_with_a_full_check() {
        let checker = Checker::builtin();
        let mut cache = ParagraphCache::new();
        let mut text = String::new();
        for i in 0..50 {
            text.push_str(&format!(
                "Paragraph {i}: he was non-compliant and suffering from stress.\n\n"
            ));
        }
        assert_eq!(
            checker.check_cached(&text, &mut cache),
            checker.check(&text)
        );
        assert_eq!(cache.last_rechecked(), 50);
        let edited = text.replacen("Paragraph 7:", "Paragraph seven, a frequent flyer:", 1);
        assert_eq!(
            checker.check_cached(&edited, &mut cache),
            checker.check(&edited)
        );
        assert_eq!(cache.last_rechecked(), 1);
        // A different checker starts afresh.
        let other = Checker::with_own_entries(&[]);
        other.check_cached(&edited, &mut cache);
        assert_eq!(cache.last_rechecked(), 50);
    }

    #[test]
    fn applying_a_suggestion_keeps_capitalisation_and_can_be_undone() {
        let text = "Suffering from anxiety, she kept going.";
        let f = &check_language(text)[0];
        let (new_text, edit) = apply_suggestion(text, f, "living with").unwrap();
        assert_eq!(new_text, "Living with anxiety, she kept going.");
        assert_eq!(edit.undo(&new_text).unwrap(), text);
        assert_eq!(edit.redo(text).unwrap(), new_text);
        assert_eq!(
            match_capitalisation("NON-COMPLIANT", "chose not to"),
            "CHOSE NOT TO"
        );
        assert_eq!(
            match_capitalisation("sectioned", "Mental Health Act"),
            "Mental Health Act"
        );
        assert_eq!(match_capitalisation("", "x"), "x");
    }

    #[test]
    fn a_stale_finding_changes_nothing() {
        let text = "He was non-compliant.";
        let f = check_language(text).remove(0);
        let err = apply_suggestion("He was compliant.", &f, "chose not to").unwrap_err();
        assert!(err.to_string().contains("non-compliant"));
        let mut far = f.clone();
        far.start = 1000;
        assert!(apply_suggestion(text, &far, "x").is_err());
        let mut mid_char = f;
        mid_char.start = 1;
        assert!(apply_suggestion("é and more text here", &mid_char, "x").is_err());
    }
}
