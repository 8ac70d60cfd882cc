//! Exporting a draft as a file the trainee can hand in: a Word document (.docx), Markdown, or
//! plain text, plus a safe file name.
//!
//! Every format has the same shape:
//! - the assignment title (a level-1 heading);
//! - a title line: the trainee's name if they gave one, the course, the date and the word count;
//! - each section's title as a level-2 heading, then its paragraphs (split on blank lines; a
//!   single line break inside a paragraph stays a line break).
//!
//! Prompts are guidance for writing and are never exported.
//!
//! **An empty draft is not an error.** It exports normally, with a short friendly note under the
//! title line ([`EMPTY_DRAFT_NOTE`]) and the outline's headings, so the trainee gets a file that
//! explains itself. [`ExportDocument::has_text`] lets the interface say so before exporting if it
//! wants to. The only error is a document too large for a plain zip file (over 4 GiB), which a
//! browser could not hold anyway; it still has a kind message.

pub mod docx;
pub mod markdown;
pub mod plain_text;
pub mod zip;

use std::fmt;

use crate::domain::assignment::{words_in, Assignment, Draft, Section};
use crate::domain::date::CalendarDate;
use crate::domain::word_count::group_thousands;

/// The note written into an export of a draft with no words yet.
pub const EMPTY_DRAFT_NOTE: &str = "There are no words in this draft yet. The headings below are \
    the outline, ready for whenever you start writing.";

/// Everything that goes into an exported file, borrowed from the assignment and draft.
#[derive(Debug, Clone, Copy)]
pub struct ExportDocument<'a> {
    /// The assignment title.
    pub title: &'a str,
    /// The trainee's name, if they chose to give one.
    pub trainee_name: Option<&'a str>,
    /// The course's name, as the trainee's settings have it.
    pub course_name: &'a str,
    /// The date printed on the document (the trainee's "today").
    pub date: CalendarDate,
    /// The sections, in order.
    pub sections: &'a [Section],
    /// Whether headings of sections with no words yet are written too (the whole outline).
    /// Off by default: a finished document shouldn't carry a bare "Conclusion" heading.
    pub keep_empty_sections: bool,
}

impl<'a> ExportDocument<'a> {
    /// The export of `draft` for `assignment`.
    pub fn new(
        assignment: &'a Assignment,
        draft: &'a Draft,
        trainee_name: Option<&'a str>,
        course_name: &'a str,
        date: CalendarDate,
    ) -> ExportDocument<'a> {
        ExportDocument {
            title: &assignment.title,
            trainee_name,
            course_name,
            date,
            sections: &draft.sections,
            keep_empty_sections: false,
        }
    }

    /// The same document, writing the headings of empty sections too when `keep` is true.
    pub fn keeping_empty_sections(self, keep: bool) -> ExportDocument<'a> {
        ExportDocument {
            keep_empty_sections: keep,
            ..self
        }
    }

    /// The sections a writer puts in the file, in order: those with words, or every one when
    /// the trainee keeps the outline or when there are no words at all (then the outline is
    /// what the file is for).
    pub fn sections_to_write(&self) -> impl Iterator<Item = &'a Section> + '_ {
        let all = self.keep_empty_sections || !self.has_text();
        self.sections.iter().filter(move |s| all || s.has_text())
    }

    /// Whether any section holds words.
    pub fn has_text(&self) -> bool {
        self.sections.iter().any(Section::has_text)
    }

    /// The words in the sections (headings not included), as the editor counts them.
    pub fn word_count(&self) -> usize {
        words_in(self.sections)
    }

    /// The title, on one line, or a stand-in if it is blank.
    pub(crate) fn title_text(&self) -> String {
        one_line(self.title).unwrap_or_else(|| "Untitled draft".to_string())
    }

    /// The line under the title: "Sam Taylor · Peer support worker training · 21 November 2026 ·
    /// 1,512 words". Blank parts are left out.
    pub fn title_line(&self) -> String {
        let words = self.word_count();
        let mut parts: Vec<String> = Vec::new();
        if let Some(name) = self.trainee_name.and_then(one_line) {
            parts.push(name);
        }
        if let Some(course) = one_line(self.course_name) {
            parts.push(course);
        }
        parts.push(long_date(self.date));
        parts.push(format!(
            "{} {}",
            group_thousands(words),
            if words == 1 { "word" } else { "words" }
        ));
        parts.join(" · ")
    }
}

/// A heading or title squashed onto one line; `None` if blank.
pub(crate) fn one_line(text: &str) -> Option<String> {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

/// A date as written in British prose: "21 November 2026".
pub fn long_date(date: CalendarDate) -> String {
    format!("{} {} {}", date.day(), date.month_name(), date.year())
}

/// The formats a draft can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// A Word document.
    Docx,
    /// Markdown text.
    Markdown,
    /// Plain text.
    PlainText,
}

impl ExportFormat {
    /// Every format, in the order the export menu offers them.
    pub const ALL: [ExportFormat; 3] = [
        ExportFormat::Docx,
        ExportFormat::Markdown,
        ExportFormat::PlainText,
    ];

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Docx => "docx",
            ExportFormat::Markdown => "md",
            ExportFormat::PlainText => "txt",
        }
    }

    /// The MIME type for the download or share sheet.
    pub fn mime_type(self) -> &'static str {
        match self {
            ExportFormat::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            ExportFormat::Markdown => "text/markdown;charset=utf-8",
            ExportFormat::PlainText => "text/plain;charset=utf-8",
        }
    }

    /// The words on the export button.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Docx => "Word document (.docx)",
            ExportFormat::Markdown => "Markdown (.md)",
            ExportFormat::PlainText => "Plain text (.txt)",
        }
    }
}

/// A finished export, ready to download or share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedFile {
    /// A safe file name, such as `reflective-essay-my-recovery-story-2026-11-21.docx`.
    pub filename: String,
    /// The MIME type.
    pub mime_type: &'static str,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Why an export could not be made. The draft is never changed by exporting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// The document is larger than a plain zip file can hold (4 GiB).
    TooLarge { bytes: u64 },
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::TooLarge { bytes } => write!(
                f,
                "This draft is too large to save as a Word document ({bytes} bytes). \
                 Your text is safe; try exporting it as plain text instead."
            ),
        }
    }
}

impl std::error::Error for ExportError {}

/// Export `doc` in `format`.
pub fn export(doc: &ExportDocument<'_>, format: ExportFormat) -> Result<ExportedFile, ExportError> {
    let bytes = match format {
        ExportFormat::Docx => docx::write_docx(doc)?,
        ExportFormat::Markdown => markdown::write_markdown(doc).into_bytes(),
        ExportFormat::PlainText => plain_text::write_plain_text(doc).into_bytes(),
    };
    Ok(ExportedFile {
        filename: export_filename(doc.title, doc.date, format),
        mime_type: format.mime_type(),
        bytes,
    })
}

/// The longest the title part of a file name may be, in characters.
const MAX_SLUG_CHARS: usize = 60;

/// A safe file name from a title and date: lower-case ASCII letters, digits and hyphens, then the
/// date and extension: "Reflective essay: my recovery story" on 2026-11-21 as .docx gives
/// `reflective-essay-my-recovery-story-2026-11-21.docx`. Accented Latin letters lose their
/// accents; apostrophes vanish ("trainee's" gives "trainees"); anything else becomes a hyphen; a
/// title with nothing usable left gives `draft-...`.
pub fn export_filename(title: &str, date: CalendarDate, format: ExportFormat) -> String {
    let mut slug = String::new();
    let mut pending_hyphen = false;
    for c in title.chars().flat_map(fold_to_ascii) {
        if c.is_ascii_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.push(c.to_ascii_lowercase());
        } else if c != '\'' {
            pending_hyphen = true;
        }
    }
    if slug.len() > MAX_SLUG_CHARS {
        // Cut at a hyphen so no word is chopped in half, if there is one in reach.
        let cut = slug[..=MAX_SLUG_CHARS]
            .rfind('-')
            .filter(|i| *i > 0)
            .unwrap_or(MAX_SLUG_CHARS);
        slug.truncate(cut);
    }
    if slug.is_empty() {
        slug.push_str("draft");
    }
    format!("{slug}-{date}.{}", format.extension())
}

/// A character as plain ASCII where there is an obvious equivalent (é → e, ß → ss, curly
/// apostrophes → '); anything else is returned unchanged (and later becomes a hyphen).
fn fold_to_ascii(c: char) -> impl Iterator<Item = char> {
    let folded: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => "A",
        'æ' => "ae",
        'Æ' => "AE",
        'ç' | 'ć' | 'č' => "c",
        'Ç' | 'Ć' | 'Č' => "C",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ę' | 'Ě' => "E",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => "I",
        'ñ' | 'ń' | 'ň' => "n",
        'Ñ' | 'Ń' | 'Ň' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => "O",
        'œ' => "oe",
        'Œ' => "OE",
        'ß' => "ss",
        'ś' | 'š' => "s",
        'Ś' | 'Š' => "S",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'ź' | 'ż' | 'ž' => "z",
        'Ź' | 'Ż' | 'Ž' => "Z",
        'ł' => "l",
        'Ł' => "L",
        '\u{2018}' | '\u{2019}' | '\u{02bc}' => "'",
        _ => "",
    };
    let single = folded.is_empty().then_some(c);
    folded.chars().chain(single)
}

/// Whether a paragraph should run right to left: its first letter with a strong direction is
/// Hebrew, Arabic, Syriac, Thaana, N'Ko or another right-to-left script (the rule browsers use
/// for `dir="auto"`).
pub fn starts_right_to_left(text: &str) -> bool {
    for c in text.chars() {
        if is_strong_rtl(c) {
            return true;
        }
        if c.is_alphabetic() {
            return false;
        }
    }
    false
}

fn is_strong_rtl(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF     // Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic
        | 0xFB1D..=0xFDFF   // Hebrew and Arabic presentation forms
        | 0xFE70..=0xFEFF   // Arabic presentation forms B
        | 0x10800..=0x10FFF // historic right-to-left scripts
        | 0x1E800..=0x1EFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> CalendarDate {
        "2026-11-21".parse().unwrap()
    }

    #[test]
    fn file_names_are_safe_ascii_with_the_date() {
        let f = |t| export_filename(t, day(), ExportFormat::Docx);
        for (title, name) in [
            (
                "Reflective essay: my recovery story",
                "reflective-essay-my-recovery-story-2026-11-21.docx",
            ),
            (
                "Recovery story essay",
                "recovery-story-essay-2026-11-21.docx",
            ),
            (
                "Trainee’s café notes",
                "trainees-cafe-notes-2026-11-21.docx",
            ),
            ("../../etc/passwd", "etc-passwd-2026-11-21.docx"),
            ("🌱 مرحبا", "draft-2026-11-21.docx"),
            ("   ", "draft-2026-11-21.docx"),
        ] {
            assert_eq!(f(title), name, "{title:?}");
        }
        let long = f(&"hope ".repeat(40));
        assert!(long.len() <= MAX_SLUG_CHARS + "-2026-11-21.docx".len());
        assert!(long.starts_with("hope-hope") && !long.contains("--"));
        assert!(!long.contains("-ho-") && long.ends_with("hope-2026-11-21.docx"));
        assert_eq!(
            export_filename("Notes", day(), ExportFormat::PlainText),
            "notes-2026-11-21.txt"
        );
        assert_eq!(
            export_filename("Notes", day(), ExportFormat::Markdown),
            "notes-2026-11-21.md"
        );
    }

    #[test]
    fn the_title_line_leaves_out_what_was_not_given() {
        let sections = [Section {
            id: crate::domain::assignment::SectionId(1),
            title: "One".into(),
            prompts: vec![],
            text: "Three small words".into(),
        }];
        let mut doc = ExportDocument {
            title: "Essay",
            trainee_name: Some("  Sam   Taylor "),
            course_name: "Peer support worker training",
            date: day(),
            sections: &sections,
            keep_empty_sections: false,
        };
        assert_eq!(
            doc.title_line(),
            "Sam Taylor · Peer support worker training · 21 November 2026 · 3 words"
        );
        doc.trainee_name = Some("   ");
        doc.course_name = "";
        assert_eq!(doc.title_line(), "21 November 2026 · 3 words");
    }

    #[test]
    fn right_to_left_paragraphs_are_recognised_by_their_first_strong_letter() {
        assert!(starts_right_to_left("שלום, hello"));
        assert!(starts_right_to_left("« 12 مرحبا"));
        assert!(!starts_right_to_left("Hello مرحبا"));
        assert!(!starts_right_to_left("123 🌱"));
    }

    #[test]
    fn empty_sections_are_left_out_unless_the_outline_is_kept() {
        let section = |n: u32, title: &str, text: &str| Section {
            id: crate::domain::assignment::SectionId(n),
            title: title.into(),
            prompts: vec![],
            text: text.into(),
        };
        let sections = [
            section(1, "My story", "It started with a walk."),
            section(2, "Conclusion", "  \n"),
        ];
        let doc = ExportDocument {
            title: "Essay",
            trainee_name: None,
            course_name: "",
            date: day(),
            sections: &sections,
            keep_empty_sections: false,
        };
        for format in [ExportFormat::Markdown, ExportFormat::PlainText] {
            let text = String::from_utf8(export(&doc, format).unwrap().bytes).unwrap();
            assert!(text.contains("My story"), "{text}");
            assert!(!text.contains("Conclusion"), "{format:?}: {text}");
            let kept = doc.keeping_empty_sections(true);
            let text = String::from_utf8(export(&kept, format).unwrap().bytes).unwrap();
            assert!(text.contains("Conclusion"), "{format:?}: {text}");
        }
        // With no words at all, the outline is the point of the file: every heading is kept.
        let blank = [section(1, "My story", ""), section(2, "Conclusion", "")];
        let doc = ExportDocument {
            sections: &blank,
            ..doc
        };
        let text = String::from_utf8(export(&doc, ExportFormat::Markdown).unwrap().bytes).unwrap();
        assert!(
            text.contains("My story") && text.contains("Conclusion"),
            "{text}"
        );
    }
}
