//! Grammatical slots for the language checker: where a flagged phrase sits in its sentence
//! (an adjective after "called me", a noun with its article, a verb ending in -ing...), which
//! slots each suggestion fits, and the small bits of English morphology the checker needs
//! (plurals, verb endings).
//!
//! Why: a one-tap replacement is only kind if the sentence still reads as English afterwards.
//! "Staff called me non-compliant" must not become "staff called me chose not to", so a
//! suggestion is offered with one tap only where its slot and the finding's slot agree; anywhere
//! else it is shown as an idea for a rewrite. The slots are deliberately few and judged from the
//! neighbouring words only, with no dictionary: a wrong guess costs a one-tap button, never a
//! wrong edit, because an unknown position accepts only suggestions that fit every position.

use serde::{Deserialize, Serialize};

/// A grammatical position a phrase can sit in, or a suggestion can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Slot {
    /// An adjective in a position the checker could not pin down; claimed by a suggestion, it
    /// means "a true adjective, fits every adjective position below".
    Adjective,
    /// After a form of "be", "seem" or "get", said of a person: "he was non-compliant".
    AfterBe,
    /// Before a noun: "a non-compliant patient".
    BeforeNoun,
    /// Describing a person after "called me", "saw myself as", "labelled", "felt".
    CalledMe,
    /// Said of a thing or a situation: "it was crazy", "that's mental".
    AboutAThing,
    /// A singular noun phrase ("a schizo", "bed-blocker"); the article is matched to the text.
    Noun,
    /// A plural noun phrase ("schizos", "bed-blockers").
    PluralNoun,
    /// A noun with 's ("the schizo's room"): never replaced with one tap.
    Possessive,
    /// A verb in its base form ("commit suicide", "suffer from").
    Verb,
    /// A verb ending in -s ("suffers from").
    VerbS,
    /// A verb in the past ("suffered from"); a suggestion claiming it must also read after "has".
    VerbEd,
    /// A verb ending in -ing ("suffering from").
    VerbIng,
    /// A phrase that stands alone and is swapped whole ("what's wrong with you").
    Phrase,
}

/// The groups of slots; a suggestion's ideas come from the same group as the finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotFamily {
    /// Adjective positions.
    Adjective,
    /// Noun phrases.
    Noun,
    /// Verb forms.
    Verb,
    /// Whole phrases.
    Phrase,
}

impl Slot {
    /// Every slot, for tests and documentation.
    pub const ALL: [Slot; 13] = [
        Slot::Adjective,
        Slot::AfterBe,
        Slot::BeforeNoun,
        Slot::CalledMe,
        Slot::AboutAThing,
        Slot::Noun,
        Slot::PluralNoun,
        Slot::Possessive,
        Slot::Verb,
        Slot::VerbS,
        Slot::VerbEd,
        Slot::VerbIng,
        Slot::Phrase,
    ];

    /// The group this slot belongs to.
    pub fn family(self) -> SlotFamily {
        match self {
            Slot::Adjective
            | Slot::AfterBe
            | Slot::BeforeNoun
            | Slot::CalledMe
            | Slot::AboutAThing => SlotFamily::Adjective,
            Slot::Noun | Slot::PluralNoun | Slot::Possessive => SlotFamily::Noun,
            Slot::Verb | Slot::VerbS | Slot::VerbEd | Slot::VerbIng => SlotFamily::Verb,
            Slot::Phrase => SlotFamily::Phrase,
        }
    }

    /// Whether a suggestion that claims `self` reads as English in a finding at `at`.
    pub fn fits(self, at: Slot) -> bool {
        self == at || (self == Slot::Adjective && at.family() == SlotFamily::Adjective)
    }

    /// The slot's name as written in the glossary data.
    pub fn name(self) -> &'static str {
        match self {
            Slot::Adjective => "adjective",
            Slot::AfterBe => "after-be",
            Slot::BeforeNoun => "before-noun",
            Slot::CalledMe => "called-me",
            Slot::AboutAThing => "about-a-thing",
            Slot::Noun => "noun",
            Slot::PluralNoun => "plural-noun",
            Slot::Possessive => "possessive",
            Slot::Verb => "verb",
            Slot::VerbS => "verb-s",
            Slot::VerbEd => "verb-ed",
            Slot::VerbIng => "verb-ing",
            Slot::Phrase => "phrase",
        }
    }
}

/// The plural forms of a noun: "blocker" -> "blockers", "case" -> "cases", "loony" ->
/// "loonies", "crash" -> "crashes". Regular plurals only; irregular ones are written out in the
/// glossary.
pub fn plurals(word: &str) -> Vec<String> {
    let mut out = Vec::with_capacity(2);
    if word.ends_with('s')
        || word.ends_with('x')
        || word.ends_with('z')
        || word.ends_with("ch")
        || word.ends_with("sh")
    {
        out.push(format!("{word}es"));
    } else if let Some(stem) = word.strip_suffix('y') {
        if stem.ends_with(['a', 'e', 'i', 'o', 'u']) {
            out.push(format!("{word}s"));
        } else {
            out.push(format!("{stem}ies"));
        }
    } else {
        out.push(format!("{word}s"));
    }
    out
}

/// The regular forms of a verb, with their slots: "suffer" -> suffers, suffered, suffering;
/// "commit" -> commits, committed / commited, committing / commiting (both spellings, since
/// doubling a final consonant depends on stress, which spelling cannot tell; a misspelling
/// that nobody types costs nothing).
pub fn verb_forms(word: &str) -> Vec<(Slot, String)> {
    let mut out = vec![(Slot::Verb, word.to_string())];
    let ends_vowel_y = word.len() > 1 && word.ends_with('y') && {
        let b = word.as_bytes();
        !matches!(b[b.len() - 2], b'a' | b'e' | b'i' | b'o' | b'u')
    };
    if word.ends_with('s')
        || word.ends_with('x')
        || word.ends_with("ch")
        || word.ends_with("sh")
        || word.ends_with('o')
    {
        out.push((Slot::VerbS, format!("{word}es")));
    } else if ends_vowel_y {
        out.push((Slot::VerbS, format!("{}ies", &word[..word.len() - 1])));
    } else {
        out.push((Slot::VerbS, format!("{word}s")));
    }
    if let Some(stem) = word.strip_suffix('e') {
        out.push((Slot::VerbEd, format!("{word}d")));
        out.push((Slot::VerbIng, format!("{stem}ing")));
    } else if ends_vowel_y {
        out.push((Slot::VerbEd, format!("{}ied", &word[..word.len() - 1])));
        out.push((Slot::VerbIng, format!("{word}ing")));
    } else {
        out.push((Slot::VerbEd, format!("{word}ed")));
        out.push((Slot::VerbIng, format!("{word}ing")));
        let bytes = word.as_bytes();
        let n = bytes.len();
        let vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u');
        let unstressed = ["er", "en", "on", "or", "et", "el", "al"]
            .iter()
            .any(|end| word.ends_with(end));
        if n >= 3
            && !unstressed
            && !vowel(bytes[n - 1])
            && !matches!(bytes[n - 1], b'w' | b'x' | b'y')
            && vowel(bytes[n - 2])
            && !vowel(bytes[n - 3])
        {
            let last = char::from(bytes[n - 1]);
            out.push((Slot::VerbEd, format!("{word}{last}ed")));
            out.push((Slot::VerbIng, format!("{word}{last}ing")));
        }
    }
    out
}

/// The article a noun suggestion starts with, if any, and the rest: "a person living with
/// schizophrenia" -> (Some("a"), "person living with schizophrenia").
pub fn split_article(phrase: &str) -> (Option<&str>, &str) {
    for article in ["a ", "an ", "the "] {
        if let Some(rest) = phrase.strip_prefix(article) {
            return (Some(article.trim_end()), rest);
        }
    }
    (None, phrase)
}

/// "a" or "an" for a phrase, by its first letter (good enough for the glossary's own words).
pub fn indefinite_article(rest: &str) -> &'static str {
    match rest.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u' | 'A' | 'E' | 'I' | 'O' | 'U') => "an",
        _ => "a",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_true_adjective_fits_every_adjective_position_and_nothing_else() {
        for at in [
            Slot::AfterBe,
            Slot::BeforeNoun,
            Slot::CalledMe,
            Slot::AboutAThing,
            Slot::Adjective,
        ] {
            assert!(Slot::Adjective.fits(at), "{at:?}");
        }
        assert!(!Slot::Adjective.fits(Slot::Noun));
        assert!(!Slot::AfterBe.fits(Slot::CalledMe));
        assert!(!Slot::AfterBe.fits(Slot::Adjective));
        assert!(Slot::VerbIng.fits(Slot::VerbIng));
        assert!(!Slot::VerbIng.fits(Slot::VerbS));
    }

    #[test]
    fn slot_names_match_the_data() {
        for slot in Slot::ALL {
            let json = serde_json::to_string(&slot).unwrap();
            assert_eq!(json, format!("\"{}\"", slot.name()));
        }
    }

    #[test]
    fn plurals_and_verb_forms_follow_regular_english() {
        assert_eq!(plurals("blocker"), ["blockers"]);
        assert_eq!(plurals("case"), ["cases"]);
        assert_eq!(plurals("loony"), ["loonies"]);
        assert_eq!(plurals("boy"), ["boys"]);
        assert_eq!(plurals("psycho"), ["psychos"]);
        let forms = |w: &str| -> Vec<String> { verb_forms(w).into_iter().map(|f| f.1).collect() };
        assert_eq!(
            forms("suffer"),
            ["suffer", "suffers", "suffered", "suffering"]
        );
        assert!(forms("commit").contains(&"committed".to_string()));
        assert!(forms("commit").contains(&"committing".to_string()));
        assert_eq!(
            forms("relapse"),
            ["relapse", "relapses", "relapsed", "relapsing"]
        );
        assert_eq!(forms("bully"), ["bully", "bullies", "bullied", "bullying"]);
    }

    #[test]
    fn articles_are_split_and_chosen() {
        assert_eq!(
            split_article("a person living with x"),
            (Some("a"), "person living with x")
        );
        assert_eq!(split_article("someone"), (None, "someone"));
        assert_eq!(indefinite_article("addiction"), "an");
        assert_eq!(indefinite_article("person"), "a");
    }
}
