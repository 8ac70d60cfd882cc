//! The .docx writer checked by an independent reader: each test document is written to a temp
//! folder and read back by python-docx (`tests/tools/read_docx.py`), which also checks every zip
//! entry's CRC-32 and parses every XML part. The headings and paragraphs we wrote must come back.

use std::path::PathBuf;

use crate::support::{date, read_with_python, TempDir};
use peer_study::domain::assignment::{course_assignment, Assignment, Draft, SectionId};
use peer_study::domain::date::CalendarDate;
use peer_study::domain::export::{
    export, export_filename, ExportDocument, ExportFormat, EMPTY_DRAFT_NOTE,
};

const NOW: i64 = 1_795_000_000_000;

fn today() -> CalendarDate {
    date("2026-11-21")
}

/// What python-docx found in one file.
struct Read {
    paragraphs: Vec<(String, String)>,
    headings: Vec<(u64, String)>,
    title: String,
    author: String,
}

/// What python-docx found in each of `files`.
fn read_with_python_docx(files: &[PathBuf]) -> Vec<Read> {
    let json = read_with_python("read_docx.py", "python-docx", ".docx files", files);
    json.as_array()
        .unwrap()
        .iter()
        .map(|file| Read {
            paragraphs: file["paragraphs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    (
                        p["style"].as_str().unwrap_or("").to_string(),
                        p["text"].as_str().unwrap().to_string(),
                    )
                })
                .collect(),
            headings: file["headings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| {
                    (
                        h["level"].as_u64().unwrap(),
                        h["text"].as_str().unwrap().to_string(),
                    )
                })
                .collect(),
            title: file["title"].as_str().unwrap_or("").to_string(),
            author: file["author"].as_str().unwrap_or("").to_string(),
        })
        .collect()
}

fn write(dir: &TempDir, doc: &ExportDocument<'_>, name: &str) -> PathBuf {
    let file = export(doc, ExportFormat::Docx).expect("the export succeeds");
    assert_eq!(
        file.filename,
        export_filename(doc.title, doc.date, ExportFormat::Docx)
    );
    let path = dir.0.join(name);
    std::fs::write(&path, &file.bytes).unwrap();
    path
}

/// The paragraphs we expect under a section: split on blank lines, line breaks kept, as a
/// reader of the document sees them (python-docx shows `w:br` as "\n").
fn expected_paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

fn essay() -> (Assignment, Draft) {
    let (assignment, mut draft) =
        Assignment::start_from_course(course_assignment("recovery-story-essay").unwrap(), NOW);
    let texts = [
        "Recovery, for me, started with hope & a cup of tea.\nA line break stays a line break.\n\n\
         Markup-like text stays text: <b>bold?</b> \"quoted\" 'single' 5 > 3 && 2 < 4.",
        "Emoji are part of my story 🌱💪🏽👩‍👩‍👧 and so is my family's language:\n\n\
         مرحبا، هذه قصتي عن التعافي.\n\nשלום, זה הסיפור שלי.",
        "",
        "Tabs\tbetween\twords, and a stray control character\u{1} that XML cannot hold.",
        "",
        "The end.",
    ];
    for (section, text) in draft.sections.clone().iter().zip(texts) {
        draft.set_section_text(section.id, text, NOW).unwrap();
    }
    (assignment, draft)
}

#[test]
fn an_essay_with_escaping_emoji_and_right_to_left_text_reads_back_in_python_docx() {
    let dir = TempDir::new("docx-essay");
    let (assignment, draft) = essay();
    let doc = ExportDocument::new(
        &assignment,
        &draft,
        Some("Sam Taylor"),
        "Peer support worker training",
        today(),
    );
    let path = write(&dir, &doc, "essay.docx");
    let read = read_with_python_docx(&[path]).remove(0);

    // Headings: the title at level 1, every section with words at level 2. Empty sections are
    // left out unless the trainee keeps the outline.
    assert!(
        draft.sections.iter().any(|s| !s.has_text()),
        "the essay has an empty section"
    );
    let mut expected_headings = vec![(1, assignment.title.clone())];
    expected_headings.extend(
        draft
            .sections
            .iter()
            .filter(|s| s.has_text())
            .map(|s| (2, s.title.clone())),
    );
    assert_eq!(read.headings, expected_headings);
    let outline_path = write(&dir, &doc.keeping_empty_sections(true), "outline.docx");
    let outline = read_with_python_docx(&[outline_path]).remove(0);
    let mut every_heading = vec![(1, assignment.title.clone())];
    every_heading.extend(draft.sections.iter().map(|s| (2, s.title.clone())));
    assert_eq!(outline.headings, every_heading);

    // Paragraphs, in order, with the right styles.
    let mut expected = vec![
        ("Heading 1".to_string(), assignment.title.clone()),
        ("Normal".to_string(), doc.title_line()),
    ];
    for section in draft.sections.iter().filter(|s| s.has_text()) {
        expected.push(("Heading 2".to_string(), section.title.clone()));
        for p in expected_paragraphs(&section.text) {
            // The one character XML 1.0 cannot hold is left out; everything else is intact.
            expected.push(("Normal".to_string(), p.replace('\u{1}', "")));
        }
    }
    assert_eq!(read.paragraphs, expected);
    assert!(read.paragraphs[1]
        .1
        .starts_with("Sam Taylor · Peer support worker training · 21 November 2026 · "));
    assert_eq!(read.title, assignment.title);
    assert_eq!(read.author, "Sam Taylor");
}

#[test]
fn an_empty_draft_and_an_own_assignment_read_back_in_python_docx() {
    let dir = TempDir::new("docx-small");
    let (assignment, draft) =
        Assignment::start_from_course(course_assignment("final-assignment").unwrap(), NOW);
    let empty = ExportDocument::new(
        &assignment,
        &draft,
        None,
        "Peer support worker training",
        today(),
    );
    let empty_path = write(&dir, &empty, "empty.docx");

    let (mut own, mut own_draft) =
        Assignment::start_own("Notes & <thoughts> on \"hope\"", &[], NOW).unwrap();
    own.rename("Notes & <thoughts> on \"hope\" 🌱").unwrap();
    own_draft
        .set_section_text(SectionId(1), "Just one paragraph.", NOW)
        .unwrap();
    let second = own_draft.add_section("What's next?", None, NOW).unwrap();
    own_draft
        .set_section_text(second, "1. A list-like line\n# and a hash", NOW)
        .unwrap();
    let own_doc = ExportDocument::new(&own, &own_draft, None, "", today());
    let own_path = write(&dir, &own_doc, "own.docx");

    let mut read = read_with_python_docx(&[empty_path, own_path]);
    let own_read = read.pop().unwrap();
    let empty_read = read.pop().unwrap();

    assert_eq!(
        empty_read.paragraphs[0],
        ("Heading 1".to_string(), assignment.title.clone())
    );
    assert_eq!(
        empty_read.paragraphs[1].1,
        "Peer support worker training · 21 November 2026 · 0 words"
    );
    assert_eq!(
        empty_read.paragraphs[2],
        ("Normal".to_string(), EMPTY_DRAFT_NOTE.to_string())
    );
    assert_eq!(
        empty_read.headings.len(),
        1 + draft.sections.len(),
        "the outline is still there"
    );
    assert_eq!(empty_read.author, "", "no name given, no author written");

    assert_eq!(
        own_read.headings,
        vec![
            (1, "Notes & <thoughts> on \"hope\" 🌱".to_string()),
            (2, "Introduction".to_string()),
            (2, "What's next?".to_string()),
        ]
    );
    assert_eq!(own_read.paragraphs[1].1, "21 November 2026 · 11 words");
    assert_eq!(own_read.paragraphs[3].1, "Just one paragraph.");
    assert_eq!(
        own_read.paragraphs[5].1,
        "1. A list-like line\n# and a hash"
    );
}

#[test]
fn a_twenty_thousand_word_draft_reads_back_whole_in_python_docx() {
    let dir = TempDir::new("docx-long");
    let (assignment, mut draft) =
        Assignment::start_from_course(course_assignment("final-assignment").unwrap(), NOW);
    // 6 sections x 40 paragraphs x 85 words (4 numbering words + 9 x 9) = 20,400 words.
    let ids: Vec<SectionId> = draft.sections.iter().map(|s| s.id).collect();
    for (s, id) in ids.iter().enumerate() {
        let text: Vec<String> = (0..40)
            .map(|p| {
                format!("Section {s} paragraph {p}: ")
                    + &"hope and connection grow when we listen with care. ".repeat(9)
            })
            .collect();
        draft.set_section_text(*id, text.join("\n\n"), NOW).unwrap();
    }
    let doc = ExportDocument::new(
        &assignment,
        &draft,
        Some("Sam"),
        "Peer support worker training",
        today(),
    );
    assert_eq!(doc.word_count(), 20_400);
    let path = write(&dir, &doc, "long.docx");
    let read = read_with_python_docx(&[path]).remove(0);
    assert_eq!(read.headings.len(), 7);
    let body: Vec<&(String, String)> = read
        .paragraphs
        .iter()
        .filter(|(s, _)| s == "Normal")
        .collect();
    assert_eq!(body.len(), 1 + 6 * 40, "the title line and every paragraph");
    assert!(body[1].1.starts_with("Section 0 paragraph 0: hope"));
    assert!(body[240].1.starts_with("Section 5 paragraph 39: hope"));
    assert!(read.paragraphs[1].1.ends_with("20,400 words"));
    let words: usize = body[1..]
        .iter()
        .map(|(_, t)| t.split_whitespace().count())
        .sum();
    assert_eq!(words, 20_400, "python-docx finds every word we wrote");
}
