//! Reading a flagged phrase's neighbours: whether a label is used as a noun, where an adjective
//! sits (after "be", before a noun, after "called me", said of a thing), and how a noun
//! suggestion takes the article of the text it replaces. Small word lists, no dictionary: the
//! checker only needs to tell a few positions apart, and where it can't, the finding simply
//! offers no one-tap replacement (see [`grammar_slot`](super::grammar_slot)).

use super::grammar_slot::{indefinite_article, split_article, Slot};
use super::phrase_pattern::Tokens;

/// Words that can follow a noun or an adjective without being a noun themselves: when one of
/// them comes next, a label such as "anorexic" is being used as a noun ("an anorexic who...").
pub fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "or"
            | "but"
            | "nor"
            | "so"
            | "yet"
            | "to"
            | "with"
            | "about"
            | "in"
            | "on"
            | "at"
            | "for"
            | "of"
            | "from"
            | "by"
            | "as"
            | "than"
            | "when"
            | "while"
            | "because"
            | "if"
            | "though"
            | "although"
            | "then"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "am"
            | "has"
            | "had"
            | "have"
            | "who"
            | "whom"
            | "which"
            | "that"
            | "whose"
            | "i"
            | "he"
            | "she"
            | "they"
            | "we"
            | "you"
            | "it"
            | "me"
            | "him"
            | "her"
            | "them"
            | "us"
            | "my"
            | "his"
            | "their"
            | "our"
            | "your"
            | "its"
            | "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "again"
            | "too"
            | "anymore"
            | "now"
            | "sometimes"
            | "today"
            | "yesterday"
            | "all"
            | "really"
            | "very"
            | "not"
            | "no"
            | "after"
            | "before"
            | "until"
            | "since"
            | "during"
            | "without"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "around"
            | "through"
            | "did"
            | "do"
            | "does"
            | "would"
            | "could"
            | "should"
            | "will"
            | "can"
            | "might"
            | "must"
            | "may"
            | "said"
            | "says"
            | "told"
            | "tells"
            | "thought"
            | "felt"
            | "got"
            | "went"
            | "came"
            | "kept"
            | "even"
            | "just"
            | "still"
            | "also"
            | "either"
            | "there"
            | "here"
            | "back"
            | "off"
            | "out"
            | "up"
            | "down"
            | "ever"
            | "never"
            | "always"
            | "like"
            | "once"
            | "who's"
            | "isn't"
            | "wasn't"
            | "doesn't"
            | "didn't"
            | "won't"
            | "can't"
            | "couldn't"
            | "wouldn't"
            | "anyway"
            | "apparently"
            | "behind"
            | "beside"
            | "near"
            | "next"
            | "across"
            | "against"
            | "among"
            | "along"
            | "outside"
            | "inside"
            | "within"
            | "towards"
            | "toward"
            | "upon"
            | "per"
            | "via"
            | "except"
            | "despite"
            | "beyond"
            | "below"
            | "above"
            | "between"
            | "whenever"
            | "where"
            | "whether"
            | "why"
            | "how"
            | "what"
    )
}

/// Determiners and possessives that come before a noun phrase.
pub fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "my"
            | "your"
            | "his"
            | "her"
            | "its"
            | "our"
            | "their"
            | "some"
            | "any"
            | "every"
            | "another"
            | "such"
            | "one"
            | "no"
            | "each"
    )
}

/// Forms of "be" and its company ("seem", "get", "look"): an adjective after them describes
/// the subject.
pub fn is_be_word(word: &str) -> bool {
    matches!(
        word,
        "is" | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "he's"
            | "she's"
            | "they're"
            | "you're"
            | "i'm"
            | "we're"
            | "seem"
            | "seems"
            | "seemed"
            | "become"
            | "became"
            | "becomes"
            | "get"
            | "got"
            | "gets"
            | "getting"
            | "look"
            | "looked"
            | "looks"
            | "remain"
            | "remains"
            | "remained"
            | "appear"
            | "appears"
            | "appeared"
            | "isn't"
            | "wasn't"
            | "aren't"
            | "weren't"
            | "stay"
            | "stays"
            | "stayed"
            | "staying"
            | "keep"
            | "kept"
            | "sound"
            | "sounds"
            | "sounded"
    )
}

/// Subjects that make an adjective after "be" about a thing, not a person ("it was crazy").
pub fn is_thing_subject(word: &str) -> bool {
    matches!(
        word,
        "it" | "that" | "this" | "things" | "everything" | "life" | "which" | "what" | "there"
    )
}

/// Contractions that are a thing-subject and "be" in one word ("it's crazy").
pub fn is_thing_be(word: &str) -> bool {
    matches!(
        word,
        "it's" | "that's" | "what's" | "everything's" | "life's" | "there's" | "this's"
    )
}

/// Words before an adjective that make it describe a person as a label or a feeling: "called
/// me", "saw myself as", "labelled", "felt".
pub fn is_person_label_word(word: &str) -> bool {
    matches!(
        word,
        "as" | "labelled"
            | "labeled"
            | "branded"
            | "deemed"
            | "feel"
            | "felt"
            | "feels"
            | "feeling"
            | "call"
            | "called"
            | "calls"
            | "calling"
    )
}

/// Object pronouns after "called", "made" and the like ("called me").
pub fn is_object_pronoun(word: &str) -> bool {
    matches!(
        word,
        "me" | "him"
            | "her"
            | "them"
            | "us"
            | "you"
            | "myself"
            | "himself"
            | "herself"
            | "themselves"
            | "yourself"
            | "ourselves"
    )
}

/// Intensifiers that can sit between "be" and an adjective ("was so crazy"); skipped when
/// judging the slot.
pub fn is_intensifier(word: &str) -> bool {
    matches!(
        word,
        "so" | "very"
            | "really"
            | "quite"
            | "pretty"
            | "totally"
            | "completely"
            | "absolutely"
            | "too"
            | "just"
            | "properly"
            | "proper"
            | "bit"
            | "little"
            | "utterly"
            | "genuinely"
            | "fully"
            | "always"
            | "never"
            | "not"
            | "still"
            | "a"
    )
}

/// Whether a label ending just before token `after` is used as a noun: nothing follows in its
/// clause, or a word that can't be the noun it describes ("an anorexic who...", "a borderline
/// and...", "a schizo walked in").
pub fn used_as_noun(tokens: &Tokens, after: usize) -> bool {
    let Some(next) = tokens.tokens.get(after) else {
        return true;
    };
    if !next.joins_previous {
        return true;
    }
    let word = tokens.word(after);
    is_function_word(word) || (word.len() > 4 && word.ends_with("ed"))
}

/// Where an adjective at tokens `i..after` sits: before a noun, describing a person after
/// "called me" or "saw myself as", said of a thing ("it was crazy"), after "be", or unknown.
pub fn adjective_position(tokens: &Tokens, i: usize, after: usize) -> Slot {
    // The words before it in the same clause, nearest first, skipping intensifiers ("so").
    let mut before: Vec<&str> = Vec::with_capacity(2);
    let mut k = i;
    let mut skipped_bit = false;
    while k > 0 && tokens.tokens[k].joins_previous && before.len() < 2 {
        k -= 1;
        let word = tokens.word(k);
        if before.is_empty() && is_intensifier(word) {
            skipped_bit |= matches!(word, "bit" | "little");
            continue;
        }
        if before.is_empty() && skipped_bit && word == "a" {
            skipped_bit = false;
            continue;
        }
        before.push(word);
    }
    let p1 = before.first().copied().unwrap_or("");
    let p2 = before.get(1).copied().unwrap_or("");
    let next_is_noun = tokens
        .tokens
        .get(after)
        .is_some_and(|t| t.joins_previous && !is_function_word(tokens.word(after)));
    if is_determiner(p1) || next_is_noun {
        Slot::BeforeNoun
    } else if is_person_label_word(p1)
        || (is_object_pronoun(p1)
            && matches!(
                p2,
                "call"
                    | "called"
                    | "calls"
                    | "calling"
                    | "label"
                    | "labelled"
                    | "labeled"
                    | "brand"
                    | "branded"
                    | "consider"
                    | "considered"
                    | "thought"
                    | "thinks"
                    | "think"
                    | "found"
                    | "made"
                    | "make"
                    | "makes"
                    | "making"
                    | "drive"
                    | "drives"
                    | "drove"
                    | "driving"
                    | "see"
                    | "saw"
                    | "seen"
                    | "seeing"
                    | "sees"
                    | "deemed"
                    | "declared"
                    | "described"
                    | "treated"
            ))
    {
        Slot::CalledMe
    } else if is_thing_be(p1) || (is_be_word(p1) && is_thing_subject(p2)) {
        Slot::AboutAThing
    } else if is_be_word(p1) {
        Slot::AfterBe
    } else {
        Slot::Adjective
    }
}

/// A noun suggestion fitted to the article of the text it replaces: "a person living with
/// schizophrenia" replaces "the schizophrenic" as "the person living with schizophrenia", and
/// replaces "schizophrenic" after "my" as "person living with schizophrenia". `None` when no
/// article makes it fit ("someone ..." after "the").
pub fn noun_in_place(suggestion: &str, slot: Slot, tokens: &Tokens, i: usize) -> Option<String> {
    let first = tokens.word(i);
    let matched_article = matches!(first, "a" | "an" | "the").then_some(first);
    let determiner_before =
        i > 0 && tokens.tokens[i].joins_previous && is_determiner(tokens.word(i - 1));
    let (article, rest) = split_article(suggestion);
    let stands_alone = matches!(
        rest.split(' ').next(),
        Some("someone" | "somebody" | "anyone")
    );
    match (matched_article, article) {
        (Some("the"), Some(_)) => Some(format!("the {rest}")),
        (Some(_), Some(_)) => Some(format!("{} {rest}", indefinite_article(rest))),
        (Some("the"), None) if slot == Slot::PluralNoun => Some(suggestion.to_string()),
        (Some("the"), None) => (!stands_alone).then(|| format!("the {suggestion}")),
        (Some(_), None) => stands_alone.then(|| suggestion.to_string()),
        (None, Some(_)) => Some(rest.to_string()),
        (None, None) if determiner_before && stands_alone => None,
        (None, _) => Some(suggestion.to_string()),
    }
}
