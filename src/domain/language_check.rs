//! The recovery-language checker: finds deficit-based, clinical or stigmatising phrases in a
//! draft, using the "instead of" phrases of the glossary (built-in and the trainee's own), and
//! offers what to write instead: a one-tap replacement where it reads as English in that spot
//! (see [`grammar_slot`](super::grammar_slot)), ideas for a rewrite everywhere else.
//!
//! How it works: the glossary's phrase patterns are compiled once into word sequences (with the
//! plurals of nouns and the -s, -ed and -ing forms of verbs), indexed by their first word in a
//! hash map. A check tokenises the text once (see [`phrase_pattern`](super::phrase_pattern))
//! and walks the words; at each word only the rules starting with that word are tried, longest
//! first, and the first one whose words and context fit wins. So a check costs one pass over
//! the text whatever the size of the glossary. The last word of a phrase may carry 's ("the
//! schizo's room"): that is still the label, but no replacement is offered with one tap.
//!
//! For the editor, [`ParagraphCache`] (in [`paragraph_cache`](super::paragraph_cache)) keeps
//! each paragraph's findings keyed by the paragraph's text, so after a keystroke only the
//! paragraph that changed is checked again.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::glossary::{builtin_entries, GlossaryEntry};
use super::grammar_slot::{Slot, SlotFamily};
pub use super::paragraph_cache::ParagraphCache;
use super::phrase_pattern::{phrase_variants, tokenize, PatternError, Tokens};
use super::slot_context::{adjective_position, noun_in_place, used_as_noun};
pub use super::text_edit::{apply_suggestion, match_capitalisation, ApplyError, TextEdit};

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
    /// Replacements that read as English in this spot, ready to apply with one tap (empty when
    /// only a rewrite will do).
    pub suggestions: Vec<String>,
    /// Ideas for rewriting the sentence, to read rather than apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ideas: Vec<String>,
    /// The grammatical slot the phrase sits in, where the rule knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slot: Option<Slot>,
    /// A short, kind note on why.
    pub why: String,
}

impl Finding {
    /// The ideas for a rewrite as one sentence for the screen, or `None` when there are none:
    /// "Ideas for a rewrite: “chose not to”, “say what was decided and why”."
    pub fn ideas_text(&self) -> Option<String> {
        if self.ideas.is_empty() {
            return None;
        }
        let quoted: Vec<String> = self.ideas.iter().map(|i| format!("“{i}”")).collect();
        Some(format!("Ideas for a rewrite: {}.", quoted.join(", ")))
    }
}

/// Checks text against the built-in glossary.
///
/// The rules are compiled the first time this is called and kept for the life of the program.
pub fn check_language(text: &str) -> Vec<Finding> {
    Checker::builtin().check(text)
}

/// How many words after a phrase `only_followed_nearby` looks at ("suffering from very severe
/// anxiety").
const NEARBY_WORDS: usize = 4;

/// What comes before a trainee's description of themselves ("I'm an", "called myself", "I
/// felt"): rules marked `unless_self` leave it alone.
const SELF_DESCRIPTION: [&str; 4] = [
    "{myself,ourselves,themselves,himself,herself,yourself,themself}{ as,}{ a, an,}",
    "{i'm,i am,we're,we are,i was,we were,i've been,i'd been,i felt,i feel,i became,me being,i'm still,i am still,i used to be,we used to be}{ a, an,}",
    "{i'm,i am,i was,i felt,i feel,i've been} {so,really,a bit,a little,totally,completely,such,very,quite,properly}{ a, an,}",
    "{i felt,i feel,i'd feel,i looked,i look,i was,i'm,i am} like{ a, an,}",
];

/// A sequence of words, as compiled from a pattern.
type Words = Box<[Box<str>]>;

#[derive(Debug, Default)]
struct Context {
    unless_before: Vec<Words>,
    unless_after: Vec<Words>,
    only_before: Vec<Words>,
    only_after: Vec<Words>,
    only_nearby: Vec<Words>,
    unless_self: bool,
    as_noun: bool,
}

#[derive(Debug)]
struct CompiledRule {
    words: Words,
    entry: usize,
    suggestions: usize,
    context: usize,
    slot: Option<Slot>,
}

#[derive(Debug)]
struct EntryInfo {
    id: String,
    why: String,
    ideas: Vec<String>,
}

/// A suggestion with the slots it reads well in (`None`: offered everywhere, as a trainee's
/// own suggestions are).
#[derive(Debug)]
struct Suggestion {
    text: String,
    fits: Option<Vec<Slot>>,
}

/// A compiled set of "instead of" rules, ready to check text.
#[derive(Debug)]
pub struct Checker {
    pub(super) id: u64,
    entries: Vec<EntryInfo>,
    suggestion_lists: Vec<Vec<Suggestion>>,
    contexts: Vec<Context>,
    rules: Vec<CompiledRule>,
    /// First word -> rules starting with it, longest first.
    by_first_word: HashMap<Box<str>, Vec<usize>>,
    self_description: Vec<Words>,
    skipped: Vec<String>,
}

fn compile_words(pattern: &str) -> Result<Vec<Words>, PatternError> {
    Ok(phrase_variants(pattern)?
        .into_iter()
        .map(|v| v.into_iter().map(String::into_boxed_str).collect())
        .collect())
}

fn compile_list(patterns: &[String]) -> Result<Vec<Words>, PatternError> {
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
            self_description: SELF_DESCRIPTION
                .iter()
                .flat_map(|p| compile_words(p).expect("the self-description patterns are valid"))
                .collect(),
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
                ideas: entry.ideas.clone(),
            });
            let suggestions_of = |list: &[String]| -> Vec<Suggestion> {
                list.iter()
                    .map(|text| Suggestion {
                        text: text.clone(),
                        fits: entry.fits.get(text).cloned(),
                    })
                    .collect()
            };
            let default_suggestions = checker.suggestion_lists.len();
            checker
                .suggestion_lists
                .push(suggestions_of(&entry.suggestions));
            for rule in &entry.instead_of {
                let compiled = (|| {
                    let variants = rule.word_sequences()?;
                    let context = Context {
                        unless_before: compile_list(&rule.unless_preceded_by)?,
                        unless_after: compile_list(&rule.unless_followed_by)?,
                        only_before: compile_list(&rule.only_preceded_by)?,
                        only_after: compile_list(&rule.only_followed_by)?,
                        only_nearby: compile_list(&rule.only_followed_nearby)?,
                        unless_self: rule.unless_self,
                        as_noun: rule.as_noun,
                    };
                    Ok::<_, PatternError>((variants, context))
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
                        checker.suggestion_lists.push(suggestions_of(list));
                        checker.suggestion_lists.len() - 1
                    }
                    None => default_suggestions,
                };
                let context_index = checker.contexts.len();
                checker.contexts.push(context);
                for (words, slot) in variants {
                    checker.rules.push(CompiledRule {
                        words: words.into_iter().map(String::into_boxed_str).collect(),
                        entry: entry_index,
                        suggestions,
                        context: context_index,
                        slot,
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
    pub(super) fn check_into(&self, text: &str, offset: usize, out: &mut Vec<Finding>) {
        let tokens = tokenize(text);
        let n = tokens.tokens.len();
        let mut i = 0;
        while i < n {
            if tokens.tokens[i].quoted {
                i += 1;
                continue;
            }
            let word = tokens.word(i);
            // A one-word label with 's ("schizo's") is found under the label itself.
            let candidates = self
                .by_first_word
                .get(word)
                .into_iter()
                .chain(possessive_stem(word).and_then(|w| self.by_first_word.get(w)))
                .flatten();
            let found = candidates.map(|&r| &self.rules[r]).find_map(|rule| {
                let possessive = rule_at(&tokens, i, &rule.words)?;
                self.context_allows(&tokens, i, rule, possessive)
                    .then_some((rule, possessive))
            });
            match found {
                Some((rule, possessive)) => {
                    let last = i + rule.words.len() - 1;
                    let start = tokens.tokens[i].start;
                    let end = tokens.tokens[last].end;
                    let entry = &self.entries[rule.entry];
                    let slot = if possessive {
                        Some(Slot::Possessive)
                    } else if rule.slot == Some(Slot::Adjective) {
                        Some(adjective_position(&tokens, i, last + 1))
                    } else {
                        rule.slot
                    };
                    let matched = &text[start..end];
                    let (suggestions, ideas) = self.offer(rule, entry, slot, &tokens, i);
                    out.push(Finding {
                        start: start + offset,
                        end: end + offset,
                        matched: matched.to_string(),
                        entry_id: entry.id.clone(),
                        suggestions,
                        ideas,
                        slot,
                        why: entry.why.clone(),
                    });
                    i = last + 1;
                }
                None => i += 1,
            }
        }
    }

    /// The one-tap replacements that read as English in `slot`, and the ideas for a rewrite.
    fn offer(
        &self,
        rule: &CompiledRule,
        entry: &EntryInfo,
        slot: Option<Slot>,
        tokens: &Tokens,
        i: usize,
    ) -> (Vec<String>, Vec<String>) {
        let mut one_tap: Vec<String> = Vec::new();
        let mut other_forms: Vec<&str> = Vec::new();
        let mut ideas: Vec<String> = Vec::new();
        for suggestion in &self.suggestion_lists[rule.suggestions] {
            let Some(fits) = &suggestion.fits else {
                one_tap.push(suggestion.text.clone());
                continue;
            };
            let fitting = slot.filter(|&at| fits.iter().any(|claim| claim.fits(at)));
            let adapted = fitting.and_then(|at| {
                if at.family() == SlotFamily::Noun {
                    noun_in_place(&suggestion.text, at, tokens, i)
                } else {
                    Some(suggestion.text.clone())
                }
            });
            match adapted {
                Some(text) => {
                    if !one_tap.contains(&text) {
                        one_tap.push(text);
                    }
                }
                None if fits.is_empty() => ideas.push(suggestion.text.clone()),
                None => other_forms.push(&suggestion.text),
            }
        }
        // A noun or verb suggestion for another form is the same words inflected ("lives
        // with" for "suffering from"): worth showing only when nothing fits at all, as with a
        // possessive. An adjective for another position would mislead ("wild" after "called
        // me"), so it is never shown; the entry's ideas say what to do instead.
        let inflectable = slot.is_some_and(|s| s.family() != SlotFamily::Adjective);
        if inflectable && one_tap.is_empty() {
            ideas.extend(other_forms.into_iter().map(str::to_string));
        }
        for idea in &entry.ideas {
            if !ideas.contains(idea) {
                ideas.push(idea.clone());
            }
        }
        (one_tap, ideas)
    }

    fn context_allows(
        &self,
        tokens: &Tokens,
        i: usize,
        rule: &CompiledRule,
        possessive: bool,
    ) -> bool {
        let context = &self.contexts[rule.context];
        let after = i + rule.words.len();
        let before_matches = |w: &Words| words_before(tokens, i, w);
        let after_matches =
            |w: &Words| words_at(tokens, after, w) && tokens.tokens[after].joins_previous;
        (context.only_before.is_empty() || context.only_before.iter().any(before_matches))
            && (context.only_after.is_empty() || context.only_after.iter().any(after_matches))
            && (context.only_nearby.is_empty()
                || followed_nearby(tokens, after, &context.only_nearby))
            && !context.unless_before.iter().any(before_matches)
            && !context.unless_after.iter().any(after_matches)
            && !(context.unless_self && self.self_description.iter().any(before_matches))
            && (!context.as_noun
                || possessive
                || rule.slot == Some(Slot::PluralNoun)
                || used_as_noun(tokens, after))
    }
}

/// "schizo's" -> "schizo"; `None` for a word without 's.
fn possessive_stem(word: &str) -> Option<&str> {
    word.strip_suffix("'s").filter(|stem| !stem.is_empty())
}

/// Whether `words` match at token `i`, joined as a phrase, and if so whether the last word
/// carried 's ("the bed-blocker's").
fn rule_at(tokens: &Tokens, i: usize, words: &[Box<str>]) -> Option<bool> {
    let n = tokens.tokens.len();
    if i + words.len() > n {
        return None;
    }
    let last = words.len() - 1;
    let mut possessive = false;
    for (k, w) in words.iter().enumerate() {
        if k > 0 && !tokens.tokens[i + k].joins_previous {
            return None;
        }
        let word = tokens.word(i + k);
        if word != &**w {
            if k == last && possessive_stem(word) == Some(&**w) {
                possessive = true;
            } else {
                return None;
            }
        }
    }
    Some(possessive)
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

/// Whether one of `list` starts within [`NEARBY_WORDS`] words after token `after`, in the same
/// clause (no punctuation between).
fn followed_nearby(tokens: &Tokens, after: usize, list: &[Words]) -> bool {
    (after..tokens.tokens.len())
        .take(NEARBY_WORDS + 1)
        .take_while(|&p| tokens.tokens[p].joins_previous)
        .any(|p| list.iter().any(|w| words_at(tokens, p, w)))
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
        for text in [
            "Suffering from stress",
            "SUFFERING FROM STRESS",
            "sUfFeRiNg FrOm stress",
        ] {
            assert_eq!(ids(text), ["suffering-from"], "{text}");
        }
    }

    #[test]
    fn inflections_are_found() {
        for text in [
            "she suffers from anxiety",
            "he suffered from depression",
            "I was suffering from low mood",
            "people suffer from psychosis",
        ] {
            assert_eq!(ids(text), ["suffering-from"], "{text}");
        }
        assert_eq!(ids("She committed suicide."), ["committed-suicide"]);
        assert_eq!(
            ids("two bed-blockers and a bed blocker"),
            ["bed-blocker", "bed-blocker"]
        );
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
            fits: Default::default(),
            ideas: Vec::new(),
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

    // The checker's grasp of English around a phrase (issue 17): possessives, plurals and verb
    // endings of a label, a label used as a noun, and the context that leaves everyday speech and
    // a trainee's description of themselves alone.

    #[test]
    fn labels_are_found_with_possessives_plurals_and_verb_endings() {
        // 's with a straight or curly apostrophe, and s' on a plural.
        assert_eq!(
            found("the addict's mum"),
            [("addict".into(), "addict's".into())]
        );
        assert_eq!(
            found("the addict\u{2019}s mum"),
            [("addict".into(), "addict\u{2019}s".into())]
        );
        assert_eq!(
            found("addicts' voices"),
            [("addict".into(), "addicts".into())]
        );
        // Plurals grown from the singular, with a non-breaking hyphen.
        assert_eq!(
            found("two bed\u{2011}blockers"),
            [("bed-blocker".into(), "bed\u{2011}blockers".into())]
        );
        // -s, -ed and -ing grown from the base verb.
        for text in [
            "acts out",
            "acted out",
            "acting out",
            "commits suicide",
            "committing suicide",
        ] {
            assert_eq!(found(text).len(), 1, "{text}");
        }
        // A label used as a noun, but not the same word describing something else.
        assert_eq!(
            ids("She was called an anorexic."),
            ["eating-disorder-labels"]
        );
        assert!(ids("I still notice anorexic thoughts.").is_empty());
        assert_eq!(
            ids("You know what borderlines are like."),
            ["borderline-label"]
        );
        assert!(ids("It was a borderline pass.").is_empty());
    }

    #[test]
    fn context_keeps_everyday_and_self_description_alone() {
        for fine in [
            "I was suffering from the heat.",
            "She's suffering from jet lag and a cold.",
            "He suffered from a hangover.",
            "I had to commit suicide prevention to memory.",
            "I'm bipolar and proud of it.",
            "I called myself an addict for years.",
            "The patients on the ward chose a film.",
            "I relapsed last winter.",
            "The old asylum is now flats.",
        ] {
            assert!(
                ids(fine).is_empty(),
                "false alarm in {fine:?}: {:?}",
                found(fine)
            );
        }
        assert_eq!(
            ids("She is suffering from severe anxiety."),
            ["suffering-from"]
        );
        assert_eq!(ids("My dad is bipolar."), ["bipolar-label"]);
        assert_eq!(ids("He called me an addict."), ["addict"]);
    }
}
