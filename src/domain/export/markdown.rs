//! The Markdown writer: `#` for the assignment title, `##` for each section, paragraphs separated
//! by blank lines.
//!
//! The trainee's text is prose, not Markdown, so it is escaped to read back exactly as typed in
//! any CommonMark renderer:
//! - inline: `\`, `` ` ``, `*`, `[`, `]`, `<` always; `_` only at the edge of a word (an `_`
//!   between letters or digits, as in `snake_case`, cannot start emphasis so it is left alone);
//! - at the start of every line (where Markdown reads structure): a leading `#`, `>`, `-`, `+`,
//!   `=`, `~` or `|` gets a backslash, and so does the `.` or `)` after a leading number
//!   ("1. " would start a list);
//! - leading spaces and tabs on a line are dropped (four would make a code block; Markdown
//!   ignores them in paragraphs anyway);
//! - a single line break inside a paragraph is kept as a hard break (a `\` at the line end);
//! - a heading ending in `#` has it escaped (a trailing `#` run would be read as closing marks).

use crate::domain::assignment::{paragraph_lines, paragraphs};
use crate::domain::export::{one_line, ExportDocument, EMPTY_DRAFT_NOTE};

/// Write `doc` as Markdown (UTF-8, `\n` line endings, ending with one newline).
pub fn write_markdown(doc: &ExportDocument<'_>) -> String {
    let mut out = String::new();
    push_heading(&mut out, "#", &doc.title_text());
    push_line(&mut out, &doc.title_line());
    out.push_str("\n\n");
    if !doc.has_text() {
        out.push('_');
        push_inline(&mut out, EMPTY_DRAFT_NOTE);
        out.push_str("_\n\n");
    }
    for section in doc.sections_to_write() {
        push_heading(
            &mut out,
            "##",
            &one_line(&section.title).unwrap_or_default(),
        );
        for paragraph in paragraphs(&section.text) {
            let lines: Vec<&str> = paragraph_lines(paragraph).collect();
            for (i, line) in lines.iter().enumerate() {
                push_line(&mut out, line);
                if i + 1 < lines.len() {
                    // A hard line break, so the trainee's own line breaks survive rendering.
                    out.push('\\');
                }
                out.push('\n');
            }
            out.push('\n');
        }
    }
    // One newline at the end, not a blank line.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn push_heading(out: &mut String, marks: &str, title: &str) {
    out.push_str(marks);
    out.push(' ');
    let start = out.len();
    push_inline(out, title);
    if out[start..].ends_with('#') {
        out.pop();
        out.push_str("\\#");
    }
    out.push_str("\n\n");
}

/// One line of a paragraph, escaped for its position at the start of a line.
fn push_line(out: &mut String, line: &str) {
    let line = line.trim_start_matches([' ', '\t']).trim_end();
    let first = line.chars().next();
    match first {
        Some('#' | '>' | '-' | '+' | '=' | '~' | '|') => {
            out.push('\\');
            out.push_str(&line[..1]);
            push_inline(out, &line[1..]);
        }
        Some(c) if c.is_ascii_digit() => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            let rest = &line[digits..];
            out.push_str(&line[..digits]);
            if rest.starts_with(['.', ')']) {
                out.push('\\');
                out.push_str(&rest[..1]);
                push_inline(out, &rest[1..]);
            } else {
                push_inline(out, rest);
            }
        }
        _ => push_inline(out, line),
    }
}

/// Escape the characters that mean something anywhere in a line.
fn push_inline(out: &mut String, text: &str) {
    let mut previous: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '[' | ']' | '<' => {
                out.push('\\');
                out.push(c);
            }
            '_' => {
                let inside_word = previous.is_some_and(char::is_alphanumeric)
                    && chars.peek().is_some_and(|n| n.is_alphanumeric());
                if !inside_word {
                    out.push('\\');
                }
                out.push('_');
            }
            _ => out.push(c),
        }
        previous = Some(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assignment::{Section, SectionId};

    fn section(title: &str, text: &str) -> Section {
        Section {
            id: SectionId(1),
            title: title.into(),
            prompts: vec![],
            text: text.into(),
        }
    }

    fn render(sections: &[Section]) -> String {
        write_markdown(&ExportDocument {
            title: "My essay",
            trainee_name: None,
            course_name: "Course",
            date: "2026-11-21".parse().unwrap(),
            sections,
            keep_empty_sections: false,
        })
    }

    #[test]
    fn sections_become_level_two_headings_and_paragraphs_stay_apart() {
        let md = render(&[section("Start", "One.\n\nTwo,\nstill two.")]);
        assert_eq!(
            md,
            "# My essay\n\nCourse · 21 November 2026 · 4 words\n\n## Start\n\nOne.\n\nTwo,\\\nstill two.\n"
        );
    }

    #[test]
    fn line_starts_that_markdown_would_read_as_structure_are_escaped() {
        let text = "# not a heading\n\n> not a quote\n\n- not a list\n\n1. not a list either\n\n\
                    2) nor this\n\n    not code\n\n===\n\n2026 was a good year";
        let md = render(&[section("S", text)]);
        for expected in [
            "\n\\# not a heading\n",
            "\n\\> not a quote\n",
            "\n\\- not a list\n",
            "\n1\\. not a list either\n",
            "\n2\\) nor this\n",
            "\nnot code\n",
            "\n\\===\n",
            "\n2026 was a good year\n",
        ] {
            assert!(md.contains(expected), "{expected:?} in\n{md}");
        }
    }

    #[test]
    fn inline_markup_characters_are_escaped_but_snake_case_is_left_alone() {
        let md = render(&[section(
            "Hope #",
            "*really* [link] `code` <b> a\\b _x_ snake_case",
        )]);
        assert!(md.contains("## Hope \\#\n"));
        assert!(md.contains("\\*really\\* \\[link\\] \\`code\\` \\<b> a\\\\b \\_x\\_ snake_case"));
    }

    #[test]
    fn unicode_passes_through_untouched() {
        let md = render(&[section("שלום", "مرحبا 🌱 café")]);
        assert!(md.contains("## שלום\n\nمرحبا 🌱 café\n"));
    }

    #[test]
    fn an_empty_draft_gets_the_friendly_note() {
        let md = render(&[section("Start", " ")]);
        assert!(md.contains(EMPTY_DRAFT_NOTE));
        assert!(md.ends_with("## Start\n"));
    }
}
