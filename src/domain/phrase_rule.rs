//! One "instead of" phrase of the glossary as data: the phrase pattern, its grammatical slot,
//! and the context that decides whether it is meant. Read by the glossary, compiled by the
//! language checker.

use serde::{Deserialize, Serialize};

use super::grammar_slot::{plurals, verb_forms, Slot};
use super::phrase_pattern::{phrase_variants, PatternError};

/// One word sequence a rule matches (normalised words), with the grammatical slot it fills.
pub type WordSequence = (Vec<String>, Option<Slot>);

/// One phrase the checker looks for, with the context that decides whether it is meant.
///
/// In the data it is either a plain pattern string (see
/// [`phrase_pattern`](super::phrase_pattern) for the syntax) or an object:
/// `{ "phrase": "patient{s,}", "only_preceded_by": ["a", "the"], "unless_followed_by": ["with"] }`.
/// All context lists hold patterns too. When both `only_` lists are given, both must hold; to
/// accept either, write the phrase twice.
// `remote = "Self"` makes the derives below plain functions (`PhraseRule::serialize` and
// `PhraseRule::deserialize`) for the object form, which the hand-written impls at the end of
// this file wrap with the plain-string form: the fields are listed once.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct PhraseRule {
    /// The phrase pattern, such as `suffer{s,ed,ing,} from`.
    pub phrase: String,
    /// The grammatical slot the phrase fills. A `noun` also matches its regular plural (as a
    /// `plural-noun`), a `verb` its -s, -ed and -ing forms (the first word is the verb), and an
    /// `adjective` is placed by its neighbours (after "be", before a noun, after "called me").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slot: Option<Slot>,
    /// Replacements for this phrase alone, when the entry's own would not read well here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestions: Option<Vec<String>>,
    /// Skip the match when one of these comes straight before it ("be patient").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unless_preceded_by: Vec<String>,
    /// Skip the match when one of these comes straight after it ("mental health").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unless_followed_by: Vec<String>,
    /// Only match when one of these comes straight before it ("the patient").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub only_preceded_by: Vec<String>,
    /// Only match when one of these comes straight after it ("refused medication").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub only_followed_by: Vec<String>,
    /// Only match when one of these comes within the next few words of the same clause
    /// ("suffering from severe anxiety", but not "suffering from the heat").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub only_followed_nearby: Vec<String>,
    /// Skip the match when a trainee is describing themselves ("I'm an addict", "I called
    /// myself crazy"): their words are theirs to choose.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unless_self: bool,
    /// Only match the label used as a noun for a person: at the end of a clause, before a word
    /// such as "who", "and" or "was", or with 's ("an anorexic", "the borderline's"), not before
    /// a noun ("a borderline case").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub as_noun: bool,
}

impl PhraseRule {
    /// A rule with no context: the phrase is always flagged.
    pub fn plain(phrase: impl Into<String>) -> Self {
        PhraseRule {
            phrase: phrase.into(),
            ..PhraseRule::default()
        }
    }

    fn is_plain(&self) -> bool {
        *self == PhraseRule::plain(self.phrase.clone())
    }

    /// Every word sequence the rule matches, normalised, with the slot of each: the pattern's
    /// own variants, then the plurals of a `noun` (as `plural-noun`; not after an article)
    /// and the -s, -ed and -ing forms of a `verb` (its first word).
    pub fn word_sequences(&self) -> Result<Vec<WordSequence>, PatternError> {
        let mut out: Vec<WordSequence> = Vec::new();
        let mut push = |words: Vec<String>, slot: Option<Slot>| {
            if !out.iter().any(|(w, _)| *w == words) {
                out.push((words, slot));
            }
        };
        let variants = phrase_variants(&self.phrase)?;
        for words in &variants {
            push(words.clone(), self.slot);
        }
        for words in variants {
            match self.slot {
                Some(Slot::Noun) if !matches!(words[0].as_str(), "a" | "an" | "the") => {
                    let last = words.len() - 1;
                    for plural in plurals(&words[last]) {
                        let mut grown = words.clone();
                        grown[last] = plural;
                        push(grown, Some(Slot::PluralNoun));
                    }
                }
                Some(Slot::Verb) => {
                    for (slot, form) in verb_forms(&words[0]) {
                        let mut grown = words.clone();
                        grown[0] = form;
                        push(grown, Some(slot));
                    }
                }
                _ => {}
            }
        }
        Ok(out)
    }

    /// Checks the phrase and every context pattern.
    pub fn validate(&self) -> Result<(), PatternError> {
        phrase_variants(&self.phrase)?;
        for context in self
            .unless_preceded_by
            .iter()
            .chain(&self.unless_followed_by)
            .chain(&self.only_preceded_by)
            .chain(&self.only_followed_by)
            .chain(&self.only_followed_nearby)
        {
            phrase_variants(context)?;
        }
        Ok(())
    }
}

/// A rule as it is written in the data: a plain pattern string, or the whole object.
#[derive(Deserialize)]
#[serde(untagged)]
enum PhraseRuleData {
    Plain(String),
    Detailed(#[serde(with = "PhraseRule")] PhraseRule),
}

impl<'de> Deserialize<'de> for PhraseRule {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match PhraseRuleData::deserialize(deserializer)? {
            PhraseRuleData::Plain(phrase) => PhraseRule::plain(phrase),
            PhraseRuleData::Detailed(rule) => rule,
        })
    }
}

impl Serialize for PhraseRule {
    /// A rule with no context is written as its plain pattern string.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.is_plain() {
            serializer.serialize_str(&self.phrase)
        } else {
            PhraseRule::serialize(self, serializer)
        }
    }
}
