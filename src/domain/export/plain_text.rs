//! The plain-text writer: the title underlined with `=`, section titles underlined with `-`,
//! paragraphs separated by blank lines, the trainee's line breaks kept. UTF-8 with `\n` line
//! endings and no byte-order mark (every current editor, Windows Notepad included, reads that).

use crate::domain::assignment::{paragraph_lines, paragraphs};
use crate::domain::export::{one_line, ExportDocument, EMPTY_DRAFT_NOTE};

/// Write `doc` as plain text (ending with one newline).
pub fn write_plain_text(doc: &ExportDocument<'_>) -> String {
    let mut out = String::new();
    push_underlined(&mut out, &doc.title_text(), '=');
    out.push_str(&doc.title_line());
    out.push_str("\n\n");
    if !doc.has_text() {
        out.push_str(EMPTY_DRAFT_NOTE);
        out.push_str("\n\n");
    }
    for section in doc.sections_to_write() {
        push_underlined(&mut out, &one_line(&section.title).unwrap_or_default(), '-');
        for paragraph in paragraphs(&section.text) {
            for line in paragraph_lines(paragraph) {
                out.push_str(line.trim_end());
                out.push('\n');
            }
            out.push('\n');
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn push_underlined(out: &mut String, title: &str, mark: char) {
    out.push_str(title);
    out.push('\n');
    let width = title.chars().count().max(3);
    out.extend(std::iter::repeat_n(mark, width));
    out.push_str("\n\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assignment::{Section, SectionId};

    #[test]
    fn plain_text_keeps_headings_paragraphs_and_line_breaks() {
        let sections = [
            Section {
                id: SectionId(1),
                title: "Hope".into(),
                prompts: vec![],
                text: "First line\nsecond line\n\n\n\nNext <para> & 🌱".into(),
            },
            Section {
                id: SectionId(2),
                title: "Empty".into(),
                prompts: vec![],
                text: String::new(),
            },
        ];
        let txt = write_plain_text(&ExportDocument {
            title: "Essay",
            trainee_name: Some("Sam"),
            course_name: "",
            date: "2026-11-21".parse().unwrap(),
            sections: &sections,
            keep_empty_sections: true,
        });
        assert_eq!(
            txt,
            "Essay\n=====\n\nSam · 21 November 2026 · 8 words\n\nHope\n----\n\n\
             First line\nsecond line\n\nNext <para> & 🌱\n\nEmpty\n-----\n"
        );
    }
}
