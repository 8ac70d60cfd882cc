//! The word tokeniser shared by the language checker and the glossary, and the small pattern
//! syntax that glossary "instead of" phrases are written in.
//!
//! # Pattern syntax
//!
//! A pattern is a phrase in plain words, such as `non-compliant` or `what's wrong with you`, with
//! one addition: `{a,b,c}` offers alternatives, and an empty alternative makes a part optional.
//! So `suffer{s,ed,ing,} from` covers "suffers from", "suffered from", "suffering from" and
//! "suffer from", and `{a ,}victim of` covers "a victim of" and "victim of".
//!
//! Every pattern is matched whole-word and case-insensitively. A hyphen in a pattern also matches a
//! space, a line break or nothing at all ("non-compliant", "non compliant", "noncompliant"), and
//! straight and curly apostrophes are the same character. Punctuation in a pattern (a trailing
//! "?", say) is ignored, as the tokeniser ignores it in text.
//!
//! # Tokens
//!
//! A word is a run of letters and digits (with combining accents, and with apostrophes between
//! letters, so "what's" is one word). Two words may belong to one phrase only when the gap between
//! them is whitespace or hyphens, and not a paragraph break (a run of whitespace holding two or
//! more line breaks). Words inside quotation marks are marked as quoted: a trainee quoting the
//! words someone used about them, or discussing a phrase, is not using it.

use std::fmt;

/// The most alternatives one pattern may expand to; more than this is almost always a mistake.
pub const MAX_VARIANTS: usize = 256;

/// The most words in one phrase.
pub const MAX_PHRASE_WORDS: usize = 12;

/// True for every character that can stand for an apostrophe.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}')
}

/// True for hyphens, which may join the words of a phrase.
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{00AD}')
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}')
}

/// True for characters that make up words.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// One word of a text, with where it is and how it is joined to the word before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordToken {
    /// Byte offset of the word's first character in the text.
    pub start: usize,
    /// Byte offset just past the word's last character.
    pub end: usize,
    /// Where the word's normalised form starts in [`Tokens::norm`].
    pub norm_start: usize,
    /// Where the word's normalised form ends in [`Tokens::norm`].
    pub norm_end: usize,
    /// Whether this word can continue a phrase begun by the word before it.
    pub joins_previous: bool,
    /// Whether this word sits inside quotation marks.
    pub quoted: bool,
}

/// The words of a text, with their normalised (lower-case, straight-apostrophe) forms stored
/// together in one buffer so tokenising a long draft costs two allocations, not one per word.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    /// All normalised words, back to back.
    pub norm: String,
    /// The words in order.
    pub tokens: Vec<WordToken>,
}

impl Tokens {
    /// The normalised form of word `i`.
    pub fn word(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.norm[t.norm_start..t.norm_end]
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum QuoteMark {
    OpenDouble,
    CloseDouble,
    OpenSingle,
    CloseSingle,
}

fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => p.is_whitespace() || matches!(p, '(' | '[' | '{' | '\u{2014}' | '\u{2013}'),
    }
}

fn is_closing_context(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(n) => !is_word_char(n),
    }
}

/// What a quotation-mark character does here, judged from its neighbours.
fn classify_quote(c: char, prev: Option<char>, next: Option<char>) -> Option<QuoteMark> {
    match c {
        '\u{201C}' | '\u{201E}' | '\u{00AB}' => Some(QuoteMark::OpenDouble),
        '\u{201D}' | '\u{00BB}' => Some(QuoteMark::CloseDouble),
        '"' => {
            if opens_after(prev) {
                Some(QuoteMark::OpenDouble)
            } else {
                Some(QuoteMark::CloseDouble)
            }
        }
        '\u{2018}' => Some(QuoteMark::OpenSingle),
        '\'' | '\u{2019}' => {
            let next_is_word = next.is_some_and(is_word_char);
            if c == '\'' && opens_after(prev) && next_is_word {
                Some(QuoteMark::OpenSingle)
            } else if !opens_after(prev) && is_closing_context(next) {
                Some(QuoteMark::CloseSingle)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Pairs opening and closing quotation marks within one paragraph.
#[derive(Default)]
struct QuoteTracker {
    open_double: Option<usize>,
    open_single: Option<usize>,
    spans: Vec<(usize, usize)>,
}

impl QuoteTracker {
    fn mark(&mut self, mark: QuoteMark, at: usize) {
        match mark {
            QuoteMark::OpenDouble => self.open_double = Some(at),
            QuoteMark::OpenSingle => self.open_single = Some(at),
            QuoteMark::CloseDouble => {
                if let Some(open) = self.open_double.take() {
                    self.spans.push((open, at));
                }
            }
            QuoteMark::CloseSingle => {
                if let Some(open) = self.open_single.take() {
                    self.spans.push((open, at));
                }
            }
        }
    }

    /// A paragraph break: a quotation left open never spills into the next paragraph.
    fn paragraph_break(&mut self) {
        self.open_double = None;
        self.open_single = None;
    }
}

/// Splits text into words (see the module docs for what counts as a word and a phrase gap).
pub fn tokenize(text: &str) -> Tokens {
    let mut norm = String::with_capacity(text.len());
    let mut tokens: Vec<WordToken> = Vec::with_capacity(text.len() / 5);
    let mut quotes = QuoteTracker::default();

    // The word being read, if any: (byte start, norm start).
    let mut current: Option<(usize, usize)> = None;
    // What the gap since the last word holds.
    let mut gap_newlines = 0usize;
    let mut gap_joinable = true;
    // Newlines in the current run of whitespace, for paragraph breaks.
    let mut run_newlines = 0usize;
    let mut prev: Option<char> = None;

    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let word_char = if current.is_some() {
            is_word_char(c)
                || is_combining_mark(c)
                || (is_apostrophe(c) && next.is_some_and(is_word_char))
        } else {
            is_word_char(c)
        };
        if word_char {
            run_newlines = 0;
            if current.is_none() {
                current = Some((i, norm.len()));
            }
            if is_apostrophe(c) {
                norm.push('\'');
            } else {
                norm.extend(c.to_lowercase());
            }
        } else {
            if let Some((start, norm_start)) = current.take() {
                let joins_previous = !tokens.is_empty() && gap_joinable && gap_newlines < 2;
                tokens.push(WordToken {
                    start,
                    end: i,
                    norm_start,
                    norm_end: norm.len(),
                    joins_previous,
                    quoted: false,
                });
                gap_newlines = 0;
                gap_joinable = true;
            }
            if c.is_whitespace() {
                if c == '\n' {
                    gap_newlines += 1;
                    run_newlines += 1;
                    if run_newlines == 2 {
                        quotes.paragraph_break();
                    }
                }
            } else {
                run_newlines = 0;
                if !is_hyphen(c) {
                    gap_joinable = false;
                }
                if let Some(mark) = classify_quote(c, prev, next) {
                    quotes.mark(mark, i);
                }
            }
        }
        prev = Some(c);
    }
    if let Some((start, norm_start)) = current.take() {
        let joins_previous = !tokens.is_empty() && gap_joinable && gap_newlines < 2;
        tokens.push(WordToken {
            start,
            end: text.len(),
            norm_start,
            norm_end: norm.len(),
            joins_previous,
            quoted: false,
        });
    }

    if !quotes.spans.is_empty() {
        let mut spans = quotes.spans;
        spans.sort_unstable();
        let mut s = 0;
        for token in &mut tokens {
            while s < spans.len() && spans[s].1 < token.start {
                s += 1;
            }
            // Spans may nest (single inside double), so look a little further than `s`.
            token.quoted = spans[s..]
                .iter()
                .take_while(|span| span.0 < token.start)
                .any(|span| span.1 > token.start);
        }
    }
    Tokens { norm, tokens }
}

/// The byte ranges of a text's paragraphs: the pieces between paragraph breaks (runs of
/// whitespace holding two or more line breaks). Words in different paragraphs never form one
/// phrase, so each paragraph can be checked on its own. A paragraph keeps any whitespace at the
/// very end of the text.
///
/// This runs on every keystroke over the whole draft, so it jumps from line break to line break
/// (a fast byte search) and looks at the whitespace around each one, instead of reading every
/// character.
pub fn paragraph_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut para_start = 0;
    let mut search = 0;
    while let Some(found) = text[search..].find('\n') {
        let newline = search + found;
        // The run of whitespace around this line break.
        let run_start = text[..newline]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_whitespace())
            .last()
            .map_or(newline, |(i, _)| i);
        let run_end = text[newline..]
            .char_indices()
            .find(|&(_, c)| !c.is_whitespace())
            .map_or(text.len(), |(i, _)| newline + i);
        let newlines = text[run_start..run_end].matches('\n').count();
        if newlines >= 2 && run_end < text.len() {
            if run_start > para_start {
                ranges.push(para_start..run_start);
            }
            para_start = run_end;
        }
        search = run_end.max(newline + 1);
        if search >= text.len() {
            break;
        }
    }
    if para_start < text.len() {
        ranges.push(para_start..text.len());
    }
    ranges
}

/// Why a pattern could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternError {
    /// A `{` without its `}`, or a `}` without its `{`.
    UnbalancedBrace(String),
    /// A `{` inside another `{...}`.
    NestedBrace(String),
    /// The pattern (or one of its alternatives) has no words in it.
    NoWords(String),
    /// The pattern grows into more alternatives than [`MAX_VARIANTS`].
    TooManyVariants(String),
    /// The phrase is longer than [`MAX_PHRASE_WORDS`] words.
    TooManyWords(String),
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PatternError::UnbalancedBrace(p) => write!(
                f,
                "\"{p}\" has a {{ or }} without its partner; alternatives are written like suffer{{s,ed,ing}}"
            ),
            PatternError::NestedBrace(p) => {
                write!(f, "\"{p}\" has a {{...}} inside another one, which isn't supported")
            }
            PatternError::NoWords(p) => write!(f, "\"{p}\" has no words to look for"),
            PatternError::TooManyVariants(p) => write!(
                f,
                "\"{p}\" grows into more than {MAX_VARIANTS} phrases; try splitting it into a few simpler ones"
            ),
            PatternError::TooManyWords(p) => write!(
                f,
                "\"{p}\" is longer than {MAX_PHRASE_WORDS} words; a shorter phrase will be found more reliably"
            ),
        }
    }
}

impl std::error::Error for PatternError {}

/// Expands `{a,b}` alternatives into every plain phrase they stand for.
pub fn expand_braces(pattern: &str) -> Result<Vec<String>, PatternError> {
    let mut results = vec![String::new()];
    let mut rest = pattern;
    while !rest.is_empty() {
        match rest.find(['{', '}']) {
            None => {
                for r in &mut results {
                    r.push_str(rest);
                }
                rest = "";
            }
            Some(pos) if rest[pos..].starts_with('}') => {
                return Err(PatternError::UnbalancedBrace(pattern.to_string()));
            }
            Some(pos) => {
                let literal = &rest[..pos];
                let after = &rest[pos + 1..];
                let close = after
                    .find('}')
                    .ok_or_else(|| PatternError::UnbalancedBrace(pattern.to_string()))?;
                let group = &after[..close];
                if group.contains('{') {
                    return Err(PatternError::NestedBrace(pattern.to_string()));
                }
                let alternatives: Vec<&str> = group.split(',').collect();
                if results.len() * alternatives.len() > MAX_VARIANTS {
                    return Err(PatternError::TooManyVariants(pattern.to_string()));
                }
                let mut grown = Vec::with_capacity(results.len() * alternatives.len());
                for r in &results {
                    for alt in &alternatives {
                        let mut s = String::with_capacity(r.len() + literal.len() + alt.len());
                        s.push_str(r);
                        s.push_str(literal);
                        s.push_str(alt);
                        grown.push(s);
                    }
                }
                results = grown;
                rest = &after[close + 1..];
            }
        }
    }
    Ok(results)
}

/// Every word sequence a pattern stands for, normalised, without duplicates. Hyphenated words
/// appear both split ("non", "compliant") and joined ("noncompliant").
pub fn phrase_variants(pattern: &str) -> Result<Vec<Vec<String>>, PatternError> {
    let mut variants: Vec<Vec<String>> = Vec::new();
    for phrase in expand_braces(pattern)? {
        let mut forms = vec![phrase.clone()];
        if phrase.chars().any(is_hyphen) {
            forms.push(phrase.chars().filter(|&c| !is_hyphen(c)).collect());
        }
        for form in forms {
            let tokens = tokenize(&form);
            if tokens.tokens.is_empty() {
                return Err(PatternError::NoWords(pattern.to_string()));
            }
            if tokens.tokens.len() > MAX_PHRASE_WORDS {
                return Err(PatternError::TooManyWords(pattern.to_string()));
            }
            let words: Vec<String> = (0..tokens.tokens.len())
                .map(|i| tokens.word(i).to_string())
                .collect();
            if !variants.contains(&words) {
                variants.push(words);
            }
        }
    }
    if variants.len() > MAX_VARIANTS {
        return Err(PatternError::TooManyVariants(pattern.to_string()));
    }
    Ok(variants)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let t = tokenize(text);
        (0..t.tokens.len()).map(|i| t.word(i).to_string()).collect()
    }

    #[test]
    fn words_are_lower_cased_with_apostrophes_kept_inside_them() {
        assert_eq!(words("What’s WRONG, you're"), ["what's", "wrong", "you're"]);
        assert_eq!(words("'quoted' end'"), ["quoted", "end"]);
    }

    #[test]
    fn phrase_gaps_allow_spaces_hyphens_and_single_line_breaks_only() {
        let t = tokenize("non-compliant and\nthen, later\n\nnext");
        let joins: Vec<bool> = t.tokens.iter().map(|t| t.joins_previous).collect();
        assert_eq!(joins, [false, true, true, true, false, false]);
    }

    #[test]
    fn words_in_quotation_marks_are_marked_as_quoted() {
        let t = tokenize("they said I was \u{201C}crazy\u{201D} and 'mad' but don't worry");
        let quoted: Vec<&str> = (0..t.tokens.len())
            .filter(|&i| t.tokens[i].quoted)
            .map(|i| t.word(i))
            .collect();
        assert_eq!(quoted, ["crazy", "mad"]);
        let t = tokenize("an \"open quote\n\nnever closes\" here");
        assert!(t.tokens.iter().all(|t| !t.quoted));
    }

    #[test]
    fn braces_expand_into_every_alternative() {
        assert_eq!(
            expand_braces("suffer{s,ed,} from").unwrap(),
            ["suffers from", "suffered from", "suffer from"]
        );
        assert!(matches!(
            expand_braces("a{b"),
            Err(PatternError::UnbalancedBrace(_))
        ));
        assert!(matches!(
            expand_braces("a}b"),
            Err(PatternError::UnbalancedBrace(_))
        ));
        assert!(matches!(
            expand_braces("{a{b}}"),
            Err(PatternError::NestedBrace(_))
        ));
    }

    #[test]
    fn hyphenated_patterns_match_split_and_joined_forms() {
        let v = phrase_variants("non-compliant").unwrap();
        assert_eq!(v, [vec!["non", "compliant"], vec!["noncompliant"]]);
        assert!(matches!(
            phrase_variants("  ?! "),
            Err(PatternError::NoWords(_))
        ));
    }

    /// The plain character-by-character definition, to check the fast one against.
    fn paragraph_ranges_reference(text: &str) -> Vec<std::ops::Range<usize>> {
        let mut ranges = Vec::new();
        let mut para_start = 0;
        let mut run_start: Option<usize> = None;
        let mut run_newlines = 0;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                if run_start.is_none() {
                    run_start = Some(i);
                    run_newlines = 0;
                }
                if c == '\n' {
                    run_newlines += 1;
                }
            } else if let Some(rs) = run_start.take() {
                if run_newlines >= 2 {
                    if rs > para_start {
                        ranges.push(para_start..rs);
                    }
                    para_start = i;
                }
            }
        }
        if para_start < text.len() {
            ranges.push(para_start..text.len());
        }
        ranges
    }

    #[test]
    fn the_fast_paragraph_split_agrees_with_the_plain_definition() {
        for text in [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n\n",
            "\n\na",
            " \n \n b \n\n\u{2028}\nc\n",
            "one\ntwo\n\n three \n \n\nfour",
            "é\r\n\r\nü\u{a0}\n\u{a0}\nx",
            "a\n b\n c\n\n\n\n",
        ] {
            assert_eq!(
                paragraph_ranges(text),
                paragraph_ranges_reference(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let text = "one\ntwo\n\n three \n \n\nfour";
        let parts: Vec<&str> = paragraph_ranges(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(parts, ["one\ntwo", "three", "four"]);
    }
}
