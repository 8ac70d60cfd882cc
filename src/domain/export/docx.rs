//! The Word (.docx) writer: a hand-written WordprocessingML package with the fewest parts Word
//! and LibreOffice open without a repair prompt.
//!
//! The package (ECMA-376 Open Packaging Conventions), in this order inside the zip:
//! - `[Content_Types].xml`: a default type for `.rels` and `.xml` parts, and overrides naming the
//!   main document, styles and core properties;
//! - `_rels/.rels`: the package points at `word/document.xml` (officeDocument) and
//!   `docProps/core.xml` (core properties);
//! - `word/document.xml`: the text;
//! - `word/_rels/document.xml.rels`: the document points at its styles part;
//! - `word/styles.xml`: Normal, Heading 1 and Heading 2, declared with Word's built-in names
//!   ("heading 1") and outline levels, so Word's navigation pane and LibreOffice's navigator list
//!   them as real headings;
//! - `docProps/core.xml`: the title and, only if given, the trainee's name as author.
//!
//! The assignment title is a Heading 1, the title line a normal paragraph, each section title a
//! Heading 2, each paragraph a `w:p`, a single line break inside a paragraph a `w:br`, a tab a
//! `w:tab`. Text is escaped for XML, and characters XML 1.0 forbids (U+0000-U+0008, U+000B,
//! U+000C, U+000E-U+001F, U+FFFE, U+FFFF) are left out; everything else, emoji and right-to-left
//! scripts included, goes in unchanged as UTF-8. A paragraph whose first strong letter is
//! right-to-left gets `w:bidi` so it reads right to left. The page is A4 with 2.54 cm margins and
//! the language is British English.

use crate::domain::assignment::{paragraph_lines, paragraphs};
use crate::domain::export::zip::write_stored_zip;
use crate::domain::export::{starts_right_to_left, ExportDocument, ExportError, EMPTY_DRAFT_NOTE};

const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

const CONTENT_TYPES: &str = concat!(
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>",
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>",
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>",
    "</Types>"
);

const PACKAGE_RELS: &str = concat!(
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>",
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>",
    "</Relationships>"
);

const DOCUMENT_RELS: &str = concat!(
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>",
    "</Relationships>"
);

const STYLES: &str = concat!(
    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
    "<w:docDefaults>",
    "<w:rPrDefault><w:rPr>",
    "<w:rFonts w:ascii=\"Calibri\" w:eastAsia=\"Calibri\" w:hAnsi=\"Calibri\" w:cs=\"Arial\"/>",
    "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>",
    "<w:lang w:val=\"en-GB\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/>",
    "</w:rPr></w:rPrDefault>",
    "<w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>",
    "</w:docDefaults>",
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">",
    "<w:name w:val=\"Normal\"/><w:qFormat/>",
    "</w:style>",
    "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">",
    "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/>",
    "</w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\">",
    "<w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>",
    "<w:uiPriority w:val=\"9\"/><w:qFormat/>",
    "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr>",
    "<w:rPr><w:b/><w:bCs/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/></w:rPr>",
    "</w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\">",
    "<w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>",
    "<w:uiPriority w:val=\"9\"/><w:unhideWhenUsed/><w:qFormat/>",
    "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"1\"/></w:pPr>",
    "<w:rPr><w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr>",
    "</w:style>",
    "</w:styles>"
);

/// The paragraph style of one block.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Normal,
    Heading1,
    Heading2,
}

/// Write `doc` as the bytes of a .docx file.
pub fn write_docx(doc: &ExportDocument<'_>) -> Result<Vec<u8>, ExportError> {
    let document = document_xml(doc);
    let styles = format!("{XML_DECLARATION}{STYLES}");
    let content_types = format!("{XML_DECLARATION}{CONTENT_TYPES}");
    let package_rels = format!("{XML_DECLARATION}{PACKAGE_RELS}");
    let document_rels = format!("{XML_DECLARATION}{DOCUMENT_RELS}");
    let core = core_xml(doc);
    write_stored_zip(
        &[
            ("[Content_Types].xml", content_types.as_bytes()),
            ("_rels/.rels", package_rels.as_bytes()),
            ("word/document.xml", document.as_bytes()),
            ("word/_rels/document.xml.rels", document_rels.as_bytes()),
            ("word/styles.xml", styles.as_bytes()),
            ("docProps/core.xml", core.as_bytes()),
        ],
        doc.date,
    )
}

/// The main document part, `word/document.xml`.
pub fn document_xml(doc: &ExportDocument<'_>) -> String {
    let text_len: usize = doc
        .sections
        .iter()
        .map(|s| s.text.len() + s.title.len())
        .sum();
    let mut out = String::with_capacity(text_len + text_len / 4 + 2048);
    out.push_str(XML_DECLARATION);
    out.push_str(
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>",
    );
    push_paragraph(&mut out, Style::Heading1, &doc.title_text(), false);
    push_paragraph(&mut out, Style::Normal, &doc.title_line(), false);
    if !doc.has_text() {
        push_paragraph(&mut out, Style::Normal, EMPTY_DRAFT_NOTE, true);
    }
    for section in doc.sections_to_write() {
        let title = super::one_line(&section.title).unwrap_or_default();
        push_paragraph(&mut out, Style::Heading2, &title, false);
        for paragraph in paragraphs(&section.text) {
            push_paragraph(&mut out, Style::Normal, paragraph, false);
        }
    }
    // A4 portrait, 2.54 cm (1440 twips) margins.
    out.push_str(concat!(
        "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>",
        "<w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" ",
        "w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>"
    ));
    out.push_str("</w:body></w:document>");
    out
}

/// One `w:p`: style, direction, then a single run holding the text, with `w:br` between lines
/// and `w:tab` for tabs.
fn push_paragraph(out: &mut String, style: Style, text: &str, italic: bool) {
    let rtl = starts_right_to_left(text);
    out.push_str("<w:p>");
    if style != Style::Normal || rtl {
        out.push_str("<w:pPr>");
        match style {
            Style::Heading1 => out.push_str("<w:pStyle w:val=\"Heading1\"/>"),
            Style::Heading2 => out.push_str("<w:pStyle w:val=\"Heading2\"/>"),
            Style::Normal => {}
        }
        if rtl {
            out.push_str("<w:bidi/>");
        }
        out.push_str("</w:pPr>");
    }
    if !text.is_empty() {
        out.push_str("<w:r>");
        if italic {
            out.push_str("<w:rPr><w:i/><w:iCs/></w:rPr>");
        }
        for (i, line) in paragraph_lines(text).enumerate() {
            if i > 0 {
                out.push_str("<w:br/>");
            }
            for (j, piece) in line.split('\t').enumerate() {
                if j > 0 {
                    out.push_str("<w:tab/>");
                }
                if !piece.is_empty() {
                    out.push_str("<w:t xml:space=\"preserve\">");
                    push_escaped(out, piece);
                    out.push_str("</w:t>");
                }
            }
        }
        out.push_str("</w:r>");
    }
    out.push_str("</w:p>");
}

/// The core properties part, `docProps/core.xml`.
fn core_xml(doc: &ExportDocument<'_>) -> String {
    let mut out = String::from(XML_DECLARATION);
    out.push_str(concat!(
        "<cp:coreProperties ",
        "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" ",
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" ",
        "xmlns:dcterms=\"http://purl.org/dc/terms/\" ",
        "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
    ));
    out.push_str("<dc:title>");
    push_escaped(&mut out, &doc.title_text());
    out.push_str("</dc:title>");
    if let Some(name) = doc.trainee_name.and_then(super::one_line) {
        out.push_str("<dc:creator>");
        push_escaped(&mut out, &name);
        out.push_str("</dc:creator>");
    }
    let stamp = format!("{}T00:00:00Z", doc.date);
    for element in ["created", "modified"] {
        out.push_str(&format!(
            "<dcterms:{element} xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:{element}>"
        ));
    }
    out.push_str("</cp:coreProperties>");
    out
}

/// Whether XML 1.0 allows this character in a document (tab, line feed and carriage return are
/// allowed by XML, but our callers turn them into `w:tab` and `w:br` first).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Append `text` escaped for XML text and attribute values, leaving out characters XML forbids.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // A stray carriage return would become a line ending in Word; line breaks are
            // handled as w:br by the caller.
            '\r' => {}
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assignment::{Section, SectionId};

    fn section(id: u32, title: &str, text: &str) -> Section {
        Section {
            id: SectionId(id),
            title: title.into(),
            prompts: vec!["Never exported".into()],
            text: text.into(),
        }
    }

    fn doc(sections: &[Section]) -> ExportDocument<'_> {
        ExportDocument {
            title: "Reflective essay",
            trainee_name: Some("Sam"),
            course_name: "Peer support worker training",
            date: "2026-11-21".parse().unwrap(),
            sections,
            keep_empty_sections: false,
        }
    }

    #[test]
    fn text_is_escaped_and_forbidden_characters_are_left_out() {
        let mut out = String::new();
        push_escaped(
            &mut out,
            "a & b < c > d \"q\" 'a' \u{0}\u{8}\u{b}\u{c}\u{1f}\u{fffe}ok",
        );
        assert_eq!(
            out,
            "a &amp; b &lt; c &gt; d &quot;q&quot; &apos;a&apos; ok"
        );
    }

    #[test]
    fn headings_paragraphs_and_line_breaks_become_word_structure() {
        let sections = [section(1, "My story", "Line one\nline two\n\nSecond\tpara")];
        let xml = document_xml(&doc(&sections));
        assert!(xml.contains(
            "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Reflective essay</w:t></w:r></w:p>"
        ));
        assert!(xml.contains(
            "<w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t xml:space=\"preserve\">My story</w:t>"
        ));
        assert!(xml.contains(
            "<w:t xml:space=\"preserve\">Line one</w:t><w:br/><w:t xml:space=\"preserve\">line two</w:t>"
        ));
        assert!(xml.contains(
            "<w:t xml:space=\"preserve\">Second</w:t><w:tab/><w:t xml:space=\"preserve\">para</w:t>"
        ));
        assert!(
            !xml.contains("Never exported"),
            "prompts stay out of the file"
        );
    }

    #[test]
    fn emoji_and_right_to_left_text_go_in_unchanged() {
        let sections = [section(
            1,
            "שלום",
            "مرحبا بكم 🌱👩‍👩‍👧\n\nEnglish first, then עברית",
        )];
        let xml = document_xml(&doc(&sections));
        assert!(xml.contains("<w:pPr><w:pStyle w:val=\"Heading2\"/><w:bidi/></w:pPr>"));
        assert!(xml.contains(
            "<w:p><w:pPr><w:bidi/></w:pPr><w:r><w:t xml:space=\"preserve\">مرحبا بكم 🌱👩‍👩‍👧</w:t>"
        ));
        assert!(
            xml.contains("<w:p><w:r><w:t xml:space=\"preserve\">English first, then עברית</w:t>")
        );
    }

    #[test]
    fn an_empty_draft_exports_a_friendly_note_and_its_headings() {
        let sections = [section(1, "Introduction", "  \n"), section(2, "Ending", "")];
        let xml = document_xml(&doc(&sections));
        assert!(xml.contains(EMPTY_DRAFT_NOTE));
        assert!(xml.contains(">Introduction<") && xml.contains(">Ending<"));
        assert!(write_docx(&doc(&sections)).is_ok());
    }

    #[test]
    fn a_kept_empty_section_has_its_heading_without_an_empty_paragraph() {
        let sections = [section(1, "Empty", ""), section(2, "Full", "Words.")];
        let xml = document_xml(&doc(&sections).keeping_empty_sections(true));
        assert!(!xml.contains(EMPTY_DRAFT_NOTE));
        assert!(xml.contains(">Empty</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val=\"Heading2\"/>"));
    }

    #[test]
    fn an_empty_section_is_left_out_by_default() {
        let sections = [section(1, "Empty", ""), section(2, "Full", "Words.")];
        let xml = document_xml(&doc(&sections));
        assert!(!xml.contains(">Empty<"));
        assert!(xml.contains(">Full<"));
    }

    #[test]
    fn the_package_holds_the_parts_word_needs_in_the_right_order() {
        let sections = [section(1, "A", "b")];
        let bytes = write_docx(&doc(&sections)).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let order = [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
            "docProps/core.xml",
        ];
        let mut last = 0;
        for name in order {
            let at = text[last..].find(name).map(|i| i + last);
            assert!(
                at.is_some(),
                "{name} is in the package after the part before it"
            );
            last = at.unwrap();
        }
        assert!(text.contains("<w:name w:val=\"heading 1\"/>"));
        assert!(text.contains("<dc:creator>Sam</dc:creator>"));
    }
}
