//! Word counts the way Microsoft Word counts them, progress towards a word target, and reading
//! time.
//!
//! **The rule.** A word is a run of characters between whitespace. That is what Word does (and
//! Unix `wc -w`), and it is what a marker sees when they open the exported .docx in Word, which is
//! why we follow Word rather than LibreOffice where the two differ. So:
//! - hyphenated words count once ("well-being", "devil-may-care");
//! - numbers count ("2026", "50%", "£1,200.50" are one word each);
//! - contractions, slashes and web addresses count once ("don't", "he/she", "www.example.org");
//! - words joined by a dash with no spaces count once ("hope—and", "pages 4–6");
//! - a lone mark between spaces counts as a word (" - ", " – ", " — ", " & ", " ... "): Word
//!   counts these, which is why British-style spaced dashes nudge a Word count up;
//! - a no-break space (U+00A0, U+2007, U+202F) joins words, as in Word ("10 km" typed with a
//!   no-break space is one word); every other Unicode space, tab and line break separates.
//!
//! **Where LibreOffice differs.** LibreOffice Writer treats the en dash and em dash as extra word
//! separators by default (Tools > Options > Writer > General > Additional separators), so
//! "hope—and" is two words there, and a lone dash between spaces is no word at all. On typical
//! essay text the two programs agree; with many dashes LibreOffice's count is a little different.
//!
//! Headings are not counted in a draft's total: the total is the trainee's own words under the
//! headings. Word counts headings too, so a whole-document count in Word is a few words higher.
//!
//! **Speed.** [`count_words`] is one pass over the text with no allocation at all; the editor can
//! run it on every keystroke of a 20,000-word draft.
//!
//! **Reading time** assumes 200 words a minute: the slower end of the usual 200-250 for silent
//! reading, because reflective writing is read with care (by a marker, or read aloud).

/// Words a minute used for [`reading_minutes`].
pub const READING_WORDS_PER_MINUTE: usize = 200;

/// How far over the target still counts as "reached" rather than "over", in per cent. Many
/// courses allow about ten per cent either way; the course team's own rule always wins.
pub const OVER_TARGET_TOLERANCE_PERCENT: usize = 10;

/// The number of words in `text`, counted as Word counts them (see the module notes).
///
/// One pass over the bytes with a 256-entry lookup table, no allocation and no UTF-8 decoding: a
/// word starts at any byte that begins a character which is not a separator, right after a
/// separator (or at the start).
/// Separators are the Unicode `White_Space` characters except the no-break spaces; the non-ASCII
/// ones are recognised by their exact UTF-8 bytes. A test checks this against `char` for every
/// Unicode scalar value.
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match BYTE_CLASS[b as usize] {
            WORD_START => {
                count += usize::from(!in_word);
                in_word = true;
            }
            SEPARATOR => in_word = false,
            CONTINUATION => {}
            _ => {
                // A lead byte that may begin a non-ASCII separator: look at the whole character.
                if separator_at(bytes, i) {
                    in_word = false;
                } else {
                    count += usize::from(!in_word);
                    in_word = true;
                }
            }
        }
        i += 1;
    }
    count
}

const WORD_START: u8 = 0;
const SEPARATOR: u8 = 1;
const CONTINUATION: u8 = 2;
const MAYBE_SEPARATOR: u8 = 3;

/// What each byte of UTF-8 text can be, built at compile time: ASCII whitespace separates, other
/// ASCII and most lead bytes start a non-separator character, continuation bytes (0x80-0xBF)
/// change nothing, and the lead bytes of the non-ASCII separators need a closer look.
const BYTE_CLASS: [u8; 256] = {
    let mut table = [WORD_START; 256];
    let mut b = 0x80;
    while b < 0xC0 {
        table[b] = CONTINUATION;
        b += 1;
    }
    table[b' ' as usize] = SEPARATOR;
    table[b'\t' as usize] = SEPARATOR;
    table[b'\n' as usize] = SEPARATOR;
    table[b'\r' as usize] = SEPARATOR;
    table[0x0b] = SEPARATOR;
    table[0x0c] = SEPARATOR;
    table[0xC2] = MAYBE_SEPARATOR;
    table[0xE1] = MAYBE_SEPARATOR;
    table[0xE2] = MAYBE_SEPARATOR;
    table[0xE3] = MAYBE_SEPARATOR;
    table
};

/// Whether the non-ASCII character starting at `bytes[i]` is a separator: U+0085, U+1680,
/// U+2000-U+2006, U+2008-U+200A, U+2028, U+2029, U+205F or U+3000 (U+00A0, U+2007 and U+202F are
/// no-break spaces, which join words).
#[inline]
fn separator_at(bytes: &[u8], i: usize) -> bool {
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    matches!(
        (bytes[i], next(1), next(2)),
        (0xC2, 0x85, _)
            | (0xE1, 0x9A, 0x80)
            | (0xE2, 0x80, 0x80..=0x86 | 0x88..=0x8A | 0xA8 | 0xA9)
            | (0xE2, 0x81, 0x9F)
            | (0xE3, 0x80, 0x80)
    )
}

/// Where a count stands against a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetStatus {
    /// No target set.
    NoTarget,
    /// Still short of the target by `remaining` words.
    Under { remaining: usize },
    /// At the target, or over it by no more than [`OVER_TARGET_TOLERANCE_PERCENT`].
    Reached,
    /// More than the tolerance over the target, by `over` words.
    Over { over: usize },
}

/// A word count measured against an optional target, ready for the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetProgress {
    /// Words written.
    pub words: usize,
    /// The target, if there is one.
    pub target: Option<usize>,
    /// Where the count stands.
    pub status: TargetStatus,
}

impl TargetProgress {
    /// Measure `words` against `target` (a target of zero is treated as none).
    pub fn new(words: usize, target: Option<u32>) -> TargetProgress {
        let target = target.map(|t| t as usize).filter(|t| *t > 0);
        let status = match target {
            None => TargetStatus::NoTarget,
            Some(t) if words < t => TargetStatus::Under {
                remaining: t - words,
            },
            Some(t) if words * 100 <= t * (100 + OVER_TARGET_TOLERANCE_PERCENT) => {
                TargetStatus::Reached
            }
            Some(t) => TargetStatus::Over { over: words - t },
        };
        TargetProgress {
            words,
            target,
            status,
        }
    }

    /// How full a progress bar should be, 0 to 100 (100 once the target is reached; 0 with no
    /// target).
    pub fn percent(&self) -> u8 {
        match self.target {
            None => 0,
            Some(t) => (self.words.saturating_mul(100) / t).min(100) as u8,
        }
    }

    /// The count in words, such as "312 of 1,500 words" or "87 words".
    pub fn label(&self) -> String {
        let unit = if self.words == 1 { "word" } else { "words" };
        match self.target {
            None => format!("{} {unit}", group_thousands(self.words)),
            Some(t) => format!(
                "{} of {} words",
                group_thousands(self.words),
                group_thousands(t)
            ),
        }
    }

    /// A short, encouraging note on where the count stands ("1,188 to go", "Target reached").
    pub fn note(&self) -> String {
        match self.status {
            TargetStatus::NoTarget => String::new(),
            TargetStatus::Under { remaining } => format!("{} to go", group_thousands(remaining)),
            TargetStatus::Reached => "Target reached".to_string(),
            TargetStatus::Over { over } => format!(
                "{} over the target; check your course team's limit",
                group_thousands(over)
            ),
        }
    }
}

/// Minutes to read `words` at [`READING_WORDS_PER_MINUTE`], rounded to the nearest minute, and at
/// least one for any text at all.
pub fn reading_minutes(words: usize) -> usize {
    if words == 0 {
        return 0;
    }
    ((words + READING_WORDS_PER_MINUTE / 2) / READING_WORDS_PER_MINUTE).max(1)
}

/// Reading time in words: "Under a minute to read", "About 8 minutes to read",
/// "About 1 hour 40 minutes to read".
pub fn reading_time_label(words: usize) -> String {
    if words == 0 {
        return "Nothing to read yet".to_string();
    }
    if words < READING_WORDS_PER_MINUTE / 2 {
        return "Under a minute to read".to_string();
    }
    let minutes = reading_minutes(words);
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("{n} {one}")
        } else {
            format!("{n} {many}")
        }
    };
    if minutes < 60 {
        return format!("About {} to read", plural(minutes, "minute", "minutes"));
    }
    let (hours, rest) = (minutes / 60, minutes % 60);
    if rest == 0 {
        format!("About {} to read", plural(hours, "hour", "hours"))
    } else {
        format!(
            "About {} {} to read",
            plural(hours, "hour", "hours"),
            plural(rest, "minute", "minutes")
        )
    }
}

/// A number with thousands separated by commas, as written in the UK: 1,500.
pub fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assignment::{Assignment, SectionId};

    /// A reference text written for this test, mixing the cases where word counters disagree
    /// (dashes, lists, numbers, a URL, emoji, Arabic). Its count, 136, was taken independently
    /// with GNU `wc -w` (which counts as Word does) and Python's `str.split()`.
    const REFERENCE: &str = "My recovery didn't start on one day—it grew, slowly, over about \
        18 months. A peer support worker (someone with lived experience) met me at a café on \
        Tuesday 4/11/2025 and said: \"You're the expert on your own life.\" That sentence stayed \
        with me.\n\nLooking back, three things helped:\n\n1. hope - that things could change;\n2. \
        connection – people who didn't judge me;\n3. control over my choices, step-by-step.\n\n\
        Some days were hard … and some weren't. I used to say I was \"suffering\"; now I say I \
        live with it & I'm learning. The self-help group met at 7.30pm, cost £0, and had \
        50% fewer rules than I'd feared!\n\nمرحبا means hello 👋 — a friend taught me that.\n\n\
        https://example.org/peer-support is where I first read about ImROC's work, which \
        matters to me a great deal.";

    #[test]
    fn the_reference_text_counts_as_word_counts_it() {
        assert_eq!(count_words(REFERENCE), 136);
    }

    #[test]
    fn cases_where_counters_disagree_follow_word() {
        // Each row: text, Word's count (from published Word/`wc -w` comparisons).
        let cases: &[(&str, usize)] = &[
            ("well-being", 1),
            ("devil-may-care", 1),
            ("don't", 1),
            ("she/he/it", 1),
            ("04/04/2011", 1),
            ("$200 50%", 2),
            ("...", 1),
            ("…", 1),
            (" . . . ", 3),
            ("before : after", 3),
            ("hope—and", 1),
            ("hope — and", 3),
            ("hope – and", 3),
            ("hope - and", 3),
            ("1. List item a\n2. List item b\n3. List item c", 12),
            ("http://www.example.com", 1),
            ("10\u{a0}km", 1),
            ("tab\tseparated\u{2003}em-space", 3),
            ("", 0),
            ("   \n\t  ", 0),
        ];
        for (text, expected) in cases {
            assert_eq!(count_words(text), *expected, "counting {text:?}");
        }
    }

    #[test]
    fn every_unicode_character_is_classified_as_the_rule_says() {
        // The byte-level scanner must agree with the rule stated on `char`: Unicode
        // whitespace separates, except the three no-break spaces.
        let separates =
            |c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}');
        let mut text = String::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            text.clear();
            text.push('a');
            text.push(c);
            text.push('b');
            let expected = if separates(c) { 2 } else { 1 };
            assert_eq!(count_words(&text), expected, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn emoji_and_right_to_left_words_count_like_any_other() {
        assert_eq!(count_words("שלום עולם 🌱 hope"), 4);
        assert_eq!(count_words("👩‍👩‍👧"), 1, "one family emoji is one token");
    }

    #[test]
    fn a_draft_is_counted_per_section_and_in_total() {
        let (_, mut d) = Assignment::start_own("Mine", &[], 1).unwrap();
        let second = d.add_section("Second", None, 2).unwrap();
        d.set_section_text(SectionId(1), "One two three.", 3)
            .unwrap();
        d.set_section_text(second, "Four\n\nfive.", 3).unwrap();
        let sections: Vec<usize> = d.sections.iter().map(|s| s.word_count()).collect();
        assert_eq!(sections, vec![3, 2]);
        assert_eq!(d.word_count(), 5);
    }

    #[test]
    fn progress_against_a_target_reads_kindly() {
        let under = TargetProgress::new(312, Some(1500));
        assert_eq!(under.status, TargetStatus::Under { remaining: 1188 });
        assert_eq!(under.label(), "312 of 1,500 words");
        assert_eq!(under.note(), "1,188 to go");
        assert_eq!(under.percent(), 20);
        let reached = TargetProgress::new(1650, Some(1500));
        assert_eq!(reached.status, TargetStatus::Reached);
        assert_eq!(reached.percent(), 100);
        let over = TargetProgress::new(1651, Some(1500));
        assert_eq!(over.status, TargetStatus::Over { over: 151 });
        let none = TargetProgress::new(1, None);
        assert_eq!(none.label(), "1 word");
        assert_eq!(none.note(), "");
        assert_eq!(
            TargetProgress::new(5, Some(0)).status,
            TargetStatus::NoTarget
        );
    }

    #[test]
    fn reading_time_uses_two_hundred_words_a_minute() {
        assert_eq!(reading_minutes(0), 0);
        assert_eq!(reading_minutes(1), 1);
        assert_eq!(reading_minutes(1500), 8);
        assert_eq!(reading_time_label(0), "Nothing to read yet");
        assert_eq!(reading_time_label(40), "Under a minute to read");
        assert_eq!(reading_time_label(200), "About 1 minute to read");
        assert_eq!(reading_time_label(1500), "About 8 minutes to read");
        assert_eq!(
            reading_time_label(20_000),
            "About 1 hour 40 minutes to read"
        );
        assert_eq!(reading_time_label(24_000), "About 2 hours to read");
    }

    #[test]
    fn thousands_are_grouped_with_commas() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(20_000), "20,000");
        assert_eq!(group_thousands(1_234_567), "1,234,567");
    }
}
