//! Assignments and their drafts: the course's built-in assignments (loaded from
//! `content/assignments.json`), the trainee's own assignments, and the draft text itself, held as an
//! outline of sections.
//!
//! Two records, stored apart so that typing rewrites only the draft:
//! - [`Assignment`]: the title, brief, word target and due date (small, edited rarely);
//! - [`Draft`]: the outline and the words, one [`Section`] per heading.
//!
//! The outline lives in the draft (not the assignment) so that every change to the outline and to
//! the words happens in one record, and no outline operation can ever separate a section from its
//! text. Removing a section that still holds words is **refused** with a message that says how many
//! words it holds; the trainee can merge it into another section first ([`Draft::merge_section`]),
//! which moves the text and then removes the empty section. Nothing here ever drops a word.

use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::domain::date::{CalendarDate, UnixMs};
use crate::domain::dismissal::Dismissal;
use crate::domain::word_count::count_words;

/// The built-in assignments, as data a course coordinator can edit without touching Rust.
const ASSIGNMENTS_JSON: &str = include_str!("../../content/assignments.json");

/// The longest title we accept for an assignment or a section, in characters.
pub const MAX_TITLE_CHARS: usize = 120;

/// One section of a built-in outline: a heading and a few questions to get the trainee started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutlineTemplate {
    /// The heading, such as "My recovery story".
    pub title: String,
    /// One to three guiding questions shown beside the section while writing.
    #[serde(default)]
    pub prompts: Vec<String>,
}

/// One of the course's own assignments, as written in `content/assignments.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseAssignment {
    /// A stable id that never changes once released ("recovery-story-essay").
    pub id: String,
    /// The title shown in lists and used on the exported document.
    pub title: String,
    /// When in the course it is set or discussed, in plain words.
    pub set_at: String,
    /// A few plain sentences saying what the assignment asks for.
    pub brief: String,
    /// A suggested length in words; the course team's own figure always wins.
    pub word_target: u32,
    /// The suggested sections, in order.
    pub outline: Vec<OutlineTemplate>,
}

#[derive(Deserialize)]
struct AssignmentsFile {
    #[allow(dead_code)]
    version: u32,
    assignments: Vec<CourseAssignment>,
}

/// The course's built-in assignments, parsed once from `content/assignments.json`.
///
/// The file is part of the build and a test parses it, so a broken file fails `cargo test` long
/// before it could reach a trainee.
pub fn course_assignments() -> &'static [CourseAssignment] {
    static PARSED: OnceLock<Vec<CourseAssignment>> = OnceLock::new();
    PARSED.get_or_init(|| {
        serde_json::from_str::<AssignmentsFile>(ASSIGNMENTS_JSON)
            .expect("content/assignments.json is checked by a test and always parses")
            .assignments
    })
}

/// The built-in assignment with this id, if there is one.
pub fn course_assignment(id: &str) -> Option<&'static CourseAssignment> {
    course_assignments().iter().find(|a| a.id == id)
}

/// Where an assignment came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AssignmentOrigin {
    /// Started from one of the course's assignments (by its stable id).
    Course { template_id: String },
    /// Added by the trainee.
    Own,
}

/// An assignment the trainee is working on: what it asks for, how long, and when it is due.
///
/// Course assignments start as a copy of the built-in brief and target; everything here stays
/// editable because a cohort's own brief may differ, and the course team's word wins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// Stable id; also names the draft and its history in storage.
    pub id: String,
    /// Built in, or the trainee's own.
    pub origin: AssignmentOrigin,
    /// The title shown in lists and on the exported document.
    pub title: String,
    /// What the assignment asks for (may be empty for the trainee's own).
    #[serde(default)]
    pub brief: String,
    /// A length to aim for, in words, if the trainee wants one.
    #[serde(default)]
    pub word_target: Option<u32>,
    /// The hand-in date, set by the trainee (the course does not fix one).
    #[serde(default)]
    pub due: Option<CalendarDate>,
    /// The day the trainee handed it in, once they mark it so (see
    /// [`crate::domain::graduation::hand_in`]); saves from before this field load with none.
    #[serde(default)]
    pub handed_in: Option<CalendarDate>,
    /// When the trainee started it.
    pub created_at: UnixMs,
}

/// Why a change to an assignment or its outline was not made. Nothing is changed when one of
/// these is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssignmentError {
    /// A title was blank.
    EmptyTitle,
    /// A title was longer than [`MAX_TITLE_CHARS`].
    TitleTooLong { chars: usize },
    /// A word target of zero was given (use no target instead).
    ZeroWordTarget,
    /// No section with this id is in the draft.
    NoSuchSection(SectionId),
    /// The section still holds words, so removing it would lose them.
    SectionHasText { title: String, words: usize },
    /// The draft must keep at least one section to write in.
    LastSection,
    /// A section cannot be merged into itself.
    MergeIntoItself,
}

impl fmt::Display for AssignmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AssignmentError::EmptyTitle => write!(f, "A title needs at least one word."),
            AssignmentError::TitleTooLong { chars } => write!(
                f,
                "That title is {chars} characters long; please keep it to {MAX_TITLE_CHARS} or fewer."
            ),
            AssignmentError::ZeroWordTarget => write!(
                f,
                "A word target needs to be more than zero. You can also leave it empty."
            ),
            AssignmentError::NoSuchSection(id) => {
                write!(f, "Section {} is no longer in this draft.", id.0)
            }
            AssignmentError::SectionHasText { title, words } => {
                let plural = if *words == 1 { "word" } else { "words" };
                write!(
                    f,
                    "\"{title}\" still has {words} {plural} in it, so we have kept it. \
                     You can merge it into another section to keep the text, or clear it first."
                )
            }
            AssignmentError::LastSection => write!(
                f,
                "A draft needs at least one section to write in, so this one stays."
            ),
            AssignmentError::MergeIntoItself => {
                write!(f, "Choose a different section to merge this one into.")
            }
        }
    }
}

impl std::error::Error for AssignmentError {}

/// A title trimmed and checked: not blank, not too long, on one line.
pub fn clean_title(title: &str) -> Result<String, AssignmentError> {
    // Titles are single lines everywhere they appear (lists, headings, file names).
    let one_line: String = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.is_empty() {
        return Err(AssignmentError::EmptyTitle);
    }
    let chars = one_line.chars().count();
    if chars > MAX_TITLE_CHARS {
        return Err(AssignmentError::TitleTooLong { chars });
    }
    Ok(one_line)
}

impl Assignment {
    /// Start one of the course's assignments: the assignment record and a draft laid out with the
    /// built-in outline.
    pub fn start_from_course(template: &CourseAssignment, now: UnixMs) -> (Assignment, Draft) {
        let assignment = Assignment {
            id: template.id.clone(),
            origin: AssignmentOrigin::Course {
                template_id: template.id.clone(),
            },
            title: template.title.clone(),
            brief: template.brief.clone(),
            word_target: Some(template.word_target).filter(|t| *t > 0),
            due: None,
            handed_in: None,
            created_at: now,
        };
        let draft = Draft::from_outline(&assignment.id, &template.outline, now);
        (assignment, draft)
    }

    /// Start an assignment of the trainee's own, with an id not used by any of `existing` and a
    /// draft holding one empty section.
    pub fn start_own(
        title: &str,
        existing: &[Assignment],
        now: UnixMs,
    ) -> Result<(Assignment, Draft), AssignmentError> {
        let title = clean_title(title)?;
        let mut n = 1u32;
        let mut id = format!("own-{now}");
        while existing.iter().any(|a| a.id == id) {
            n += 1;
            id = format!("own-{now}-{n}");
        }
        let assignment = Assignment {
            id,
            origin: AssignmentOrigin::Own,
            title,
            brief: String::new(),
            word_target: None,
            due: None,
            handed_in: None,
            created_at: now,
        };
        let outline = [OutlineTemplate {
            title: "Introduction".to_string(),
            prompts: Vec::new(),
        }];
        let draft = Draft::from_outline(&assignment.id, &outline, now);
        Ok((assignment, draft))
    }

    /// Rename the assignment.
    pub fn rename(&mut self, title: &str) -> Result<(), AssignmentError> {
        self.title = clean_title(title)?;
        Ok(())
    }

    /// Set or clear the word target (zero is refused: clear it instead).
    pub fn set_word_target(&mut self, target: Option<u32>) -> Result<(), AssignmentError> {
        if target == Some(0) {
            return Err(AssignmentError::ZeroWordTarget);
        }
        self.word_target = target;
        Ok(())
    }

    /// Set or clear the due date.
    pub fn set_due(&mut self, due: Option<CalendarDate>) {
        self.due = due;
    }

    /// Days from `today` until the due date (negative once it has passed), if one is set.
    pub fn days_until_due(&self, today: CalendarDate) -> Option<i64> {
        self.due.map(|due| today.days_until(due))
    }
}

/// How far off a hand-in date is, in words: "Due today", "Due tomorrow", "13 days to go",
/// "The hand-in date was yesterday", "The hand-in date was 3 days ago".
pub fn days_to_go_label(days: i64) -> String {
    match days {
        0 => "Due today".to_string(),
        1 => "Due tomorrow".to_string(),
        -1 => "The hand-in date was yesterday".to_string(),
        d if d > 1 => format!("{d} days to go"),
        d => format!("The hand-in date was {} days ago", -d),
    }
}

/// Identifies a section within one draft. Never reused within that draft, so a snapshot, an open
/// editor and a pending save all agree on which section they mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SectionId(pub u32);

/// One heading of the outline and the words written under it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Section {
    /// Stable within the draft.
    pub id: SectionId,
    /// The heading, exported as a Word heading.
    pub title: String,
    /// Guiding questions shown while writing (never exported).
    #[serde(default)]
    pub prompts: Vec<String>,
    /// The trainee's words: paragraphs separated by blank lines.
    #[serde(default)]
    pub text: String,
}

impl Section {
    /// Whether anything but whitespace has been written here.
    pub fn has_text(&self) -> bool {
        !self.text.trim().is_empty()
    }

    /// The paragraphs of this section's text (see [`paragraphs`]).
    pub fn paragraphs(&self) -> Paragraphs<'_> {
        paragraphs(&self.text)
    }

    /// The words in this section (its title not included), counted by
    /// [`count_words`](crate::domain::word_count::count_words).
    pub fn word_count(&self) -> usize {
        count_words(&self.text)
    }
}

/// The words in these sections together (titles not included): a draft's count, and so the
/// count of anything made from one (a version, an exported file).
pub fn words_in(sections: &[Section]) -> usize {
    sections.iter().map(Section::word_count).sum()
}

/// The words of one assignment, as an ordered outline of sections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The [`Assignment::id`] this draft belongs to.
    pub assignment_id: String,
    /// The sections in reading order; never empty.
    pub sections: Vec<Section>,
    /// The id the next new section will get.
    pub next_section_id: u32,
    /// When the words or the outline last changed.
    pub updated_at: UnixMs,
    /// Checker findings the trainee chose not to see in this draft (see [`Dismissal`]). Not part
    /// of the words: version history and restores leave it alone.
    #[serde(default)]
    pub dismissed: Vec<Dismissal>,
}

impl Draft {
    /// A new, empty draft laid out with `outline` (or one "Introduction" section if it is empty).
    pub fn from_outline(assignment_id: &str, outline: &[OutlineTemplate], now: UnixMs) -> Draft {
        let mut sections: Vec<Section> = outline
            .iter()
            .enumerate()
            .map(|(i, t)| Section {
                id: SectionId(i as u32 + 1),
                title: t.title.clone(),
                prompts: t.prompts.clone(),
                text: String::new(),
            })
            .collect();
        if sections.is_empty() {
            sections.push(Section {
                id: SectionId(1),
                title: "Introduction".to_string(),
                prompts: Vec::new(),
                text: String::new(),
            });
        }
        let next_section_id = sections.len() as u32 + 1;
        Draft {
            assignment_id: assignment_id.to_string(),
            sections,
            next_section_id,
            updated_at: now,
            dismissed: Vec::new(),
        }
    }

    /// Stop showing a finding (or a kind of finding) in this draft. Returns false, changing
    /// nothing, when it was already dismissed. Leaves [`Draft::updated_at`] alone: the words have
    /// not changed.
    pub fn dismiss(&mut self, dismissal: Dismissal) -> bool {
        if self.dismissed.contains(&dismissal) {
            return false;
        }
        self.dismissed.push(dismissal);
        true
    }

    /// Show a dismissed finding again. Returns false when it was not dismissed.
    pub fn undismiss(&mut self, dismissal: &Dismissal) -> bool {
        let before = self.dismissed.len();
        self.dismissed.retain(|d| d != dismissal);
        self.dismissed.len() != before
    }

    /// The section with this id.
    pub fn section(&self, id: SectionId) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// Where the section with this id sits in the outline (0 is the first).
    pub fn position(&self, id: SectionId) -> Option<usize> {
        self.sections.iter().position(|s| s.id == id)
    }

    fn index_of(&self, id: SectionId) -> Result<usize, AssignmentError> {
        self.position(id).ok_or(AssignmentError::NoSuchSection(id))
    }

    /// Replace one section's text (the editor calls this on every change).
    pub fn set_section_text(
        &mut self,
        id: SectionId,
        text: impl Into<String>,
        now: UnixMs,
    ) -> Result<(), AssignmentError> {
        let index = self.index_of(id)?;
        self.sections[index].text = text.into();
        self.updated_at = now;
        Ok(())
    }

    /// The text of one section.
    pub fn section_text(&self, id: SectionId) -> Option<&str> {
        self.section(id).map(|s| s.text.as_str())
    }

    /// The whole draft's words as one text: each section's text in order, separated by a blank
    /// line, without headings. Empty sections add nothing.
    pub fn full_text(&self) -> String {
        let mut out = String::new();
        for section in self.sections.iter().filter(|s| s.has_text()) {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(section.text.trim_end());
        }
        out
    }

    /// Whether any section holds words.
    pub fn has_text(&self) -> bool {
        self.sections.iter().any(Section::has_text)
    }

    /// The words in the whole draft (section titles not included). The editor, the assignments
    /// list, the version history and every exported file count with this.
    pub fn word_count(&self) -> usize {
        words_in(&self.sections)
    }

    /// Rename a section.
    pub fn rename_section(
        &mut self,
        id: SectionId,
        title: &str,
        now: UnixMs,
    ) -> Result<(), AssignmentError> {
        let index = self.index_of(id)?;
        self.sections[index].title = clean_title(title)?;
        self.updated_at = now;
        Ok(())
    }

    /// Move a section to `to_index` in the outline (clamped to the end); its text goes with it.
    pub fn move_section(
        &mut self,
        id: SectionId,
        to_index: usize,
        now: UnixMs,
    ) -> Result<(), AssignmentError> {
        let from = self.index_of(id)?;
        let section = self.sections.remove(from);
        let to = to_index.min(self.sections.len());
        self.sections.insert(to, section);
        self.updated_at = now;
        Ok(())
    }

    /// Move a section one place earlier (does nothing for the first).
    pub fn move_section_up(&mut self, id: SectionId, now: UnixMs) -> Result<(), AssignmentError> {
        let from = self.index_of(id)?;
        self.move_section(id, from.saturating_sub(1), now)
    }

    /// Move a section one place later (does nothing for the last).
    pub fn move_section_down(&mut self, id: SectionId, now: UnixMs) -> Result<(), AssignmentError> {
        let from = self.index_of(id)?;
        self.move_section(id, from + 1, now)
    }

    /// Add an empty section at `at` (or at the end) and return its id.
    pub fn add_section(
        &mut self,
        title: &str,
        at: Option<usize>,
        now: UnixMs,
    ) -> Result<SectionId, AssignmentError> {
        let title = clean_title(title)?;
        let id = SectionId(self.fresh_section_id());
        let index = at.unwrap_or(self.sections.len()).min(self.sections.len());
        self.sections.insert(
            index,
            Section {
                id,
                title,
                prompts: Vec::new(),
                text: String::new(),
            },
        );
        self.updated_at = now;
        Ok(id)
    }

    /// Remove a section that holds no words.
    ///
    /// Refused with [`AssignmentError::SectionHasText`] when it holds words (whitespace alone does
    /// not count), and with [`AssignmentError::LastSection`] for the only section.
    pub fn remove_section(
        &mut self,
        id: SectionId,
        now: UnixMs,
    ) -> Result<Section, AssignmentError> {
        let index = self.index_of(id)?;
        let section = &self.sections[index];
        if section.has_text() {
            return Err(AssignmentError::SectionHasText {
                title: section.title.clone(),
                words: section.word_count(),
            });
        }
        if self.sections.len() == 1 {
            return Err(AssignmentError::LastSection);
        }
        self.updated_at = now;
        Ok(self.sections.remove(index))
    }

    /// Move all of a section's text to the end of another section (after a blank line), then remove
    /// the emptied section. The words are kept; only the heading goes.
    pub fn merge_section(
        &mut self,
        id: SectionId,
        into: SectionId,
        now: UnixMs,
    ) -> Result<(), AssignmentError> {
        if id == into {
            return Err(AssignmentError::MergeIntoItself);
        }
        let from = self.index_of(id)?;
        let to = self.index_of(into)?;
        let moved = std::mem::take(&mut self.sections[from].text);
        if !moved.trim().is_empty() {
            let target = &mut self.sections[to].text;
            let kept = target.trim_end().len();
            target.truncate(kept);
            if !target.is_empty() {
                target.push_str("\n\n");
            }
            target.push_str(moved.trim_matches('\n'));
        }
        self.sections.remove(from);
        self.updated_at = now;
        Ok(())
    }

    /// A section id never used in this draft, even by sections since removed or restored from
    /// history.
    fn fresh_section_id(&mut self) -> u32 {
        let highest = self.sections.iter().map(|s| s.id.0).max().unwrap_or(0);
        let id = self.next_section_id.max(highest + 1);
        self.next_section_id = id + 1;
        id
    }
}

impl Default for Draft {
    /// A stand-in for a draft record that is not stored yet: one empty "Introduction" section and
    /// no assignment id. The editor replaces it with the assignment's own outline before the
    /// trainee types (stored records need a default; a draft is never empty of sections).
    fn default() -> Draft {
        Draft::from_outline("", &[], 0)
    }
}

/// The paragraphs of a text: runs of lines separated by one or more blank (whitespace-only)
/// lines. Each item is a slice of the original text, so single line breaks inside a paragraph are
/// kept (as `\n`, or `\r\n` if the text had them); trailing whitespace on the paragraph is trimmed.
pub fn paragraphs(text: &str) -> Paragraphs<'_> {
    Paragraphs { rest: text }
}

/// Iterator returned by [`paragraphs`]; allocates nothing.
#[derive(Debug, Clone)]
pub struct Paragraphs<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Paragraphs<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        // Skip blank lines.
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let line_end = self.rest.find('\n').map_or(self.rest.len(), |i| i + 1);
            let line = &self.rest[..line_end];
            if line.trim().is_empty() {
                self.rest = &self.rest[line_end..];
            } else {
                break;
            }
        }
        // Take lines until a blank one or the end.
        let start = self.rest;
        let mut taken = 0;
        loop {
            let remaining = &start[taken..];
            if remaining.is_empty() {
                break;
            }
            let line_end = remaining.find('\n').map_or(remaining.len(), |i| i + 1);
            if remaining[..line_end].trim().is_empty() {
                break;
            }
            taken += line_end;
        }
        self.rest = &start[taken..];
        Some(start[..taken].trim_end())
    }
}

/// The lines of one paragraph, without their line endings (`\n` or `\r\n`; a lone `\r` also ends
/// a line, as old Mac text had it).
pub fn paragraph_lines(paragraph: &str) -> impl Iterator<Item = &str> {
    paragraph
        .split('\n')
        .flat_map(|line| line.strip_suffix('\r').unwrap_or(line).split('\r'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn essay() -> (Assignment, Draft) {
        let template = course_assignment("recovery-story-essay").unwrap();
        Assignment::start_from_course(template, 1_000)
    }

    #[test]
    fn the_built_in_assignments_load_with_briefs_targets_and_outlines() {
        let all = course_assignments();
        assert_eq!(all.len(), 2);
        let ids: Vec<&str> = all.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["recovery-story-essay", "final-assignment"]);
        for a in all {
            assert!(!a.title.is_empty() && !a.brief.is_empty());
            assert!(a.word_target > 0);
            assert!(
                a.brief.contains("course team"),
                "the brief of {} says the course team's figure wins",
                a.id
            );
            assert!(
                (4..=6).contains(&a.outline.len()),
                "{} has 4-6 sections",
                a.id
            );
            for section in &a.outline {
                assert!(clean_title(&section.title).is_ok());
                assert!(
                    (1..=3).contains(&section.prompts.len()),
                    "{}",
                    section.title
                );
            }
        }
    }

    #[test]
    fn starting_a_course_assignment_copies_its_outline_into_an_empty_draft() {
        let (assignment, draft) = essay();
        assert_eq!(assignment.word_target, Some(1500));
        assert_eq!(assignment.due, None);
        assert_eq!(draft.assignment_id, assignment.id);
        assert_eq!(draft.sections.len(), 6);
        assert_eq!(draft.sections[1].title, "My recovery story");
        assert!(!draft.has_text());
        let ids: Vec<u32> = draft.sections.iter().map(|s| s.id.0).collect();
        assert_eq!(ids, [1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn own_assignments_get_ids_that_do_not_clash() {
        let (first, _) = Assignment::start_own("Placement diary", &[], 5).unwrap();
        let (second, draft) =
            Assignment::start_own("  Another   one ", std::slice::from_ref(&first), 5).unwrap();
        assert_ne!(first.id, second.id);
        assert_eq!(second.title, "Another one");
        assert_eq!(second.origin, AssignmentOrigin::Own);
        assert_eq!(draft.sections.len(), 1);
        assert_eq!(
            Assignment::start_own("   ", &[], 5).unwrap_err(),
            AssignmentError::EmptyTitle
        );
    }

    #[test]
    fn due_dates_and_targets_are_the_trainees_to_set() {
        let (mut a, _) = essay();
        let due: CalendarDate = "2026-12-04".parse().unwrap();
        a.set_due(Some(due));
        assert_eq!(a.days_until_due("2026-11-21".parse().unwrap()), Some(13));
        assert_eq!(
            a.set_word_target(Some(0)),
            Err(AssignmentError::ZeroWordTarget)
        );
        assert_eq!(
            a.word_target,
            Some(1500),
            "a refused change changes nothing"
        );
        a.set_word_target(Some(2000)).unwrap();
        assert_eq!(a.word_target, Some(2000));
        let json = serde_json::to_string(&a).unwrap();
        assert!(json.contains("\"due\":\"2026-12-04\""));
        assert_eq!(serde_json::from_str::<Assignment>(&json).unwrap(), a);
    }

    #[test]
    fn reordering_sections_carries_their_text_with_them() {
        let (_, mut d) = essay();
        let story = d.sections[1].id;
        d.set_section_text(story, "I found hope again.", 2).unwrap();
        d.move_section(story, 99, 3).unwrap();
        assert_eq!(d.sections.last().unwrap().text, "I found hope again.");
        d.move_section_up(story, 4).unwrap();
        assert_eq!(d.position(story), Some(4));
        d.move_section(story, 0, 5).unwrap();
        d.move_section_up(story, 6).unwrap();
        assert_eq!(d.position(story), Some(0));
        assert_eq!(d.section_text(story), Some("I found hope again."));
        assert_eq!(d.sections.len(), 6);
    }

    #[test]
    fn renaming_a_section_keeps_its_words_and_refuses_blank_titles() {
        let (_, mut d) = essay();
        let id = d.sections[0].id;
        d.set_section_text(id, "Some words.", 2).unwrap();
        d.rename_section(id, "Where I am starting from", 3).unwrap();
        assert_eq!(d.sections[0].title, "Where I am starting from");
        assert_eq!(d.sections[0].text, "Some words.");
        assert_eq!(
            d.rename_section(id, " \n ", 4),
            Err(AssignmentError::EmptyTitle)
        );
        assert_eq!(d.sections[0].title, "Where I am starting from");
    }

    #[test]
    fn removing_a_section_with_words_is_refused_and_keeps_them() {
        let (_, mut d) = essay();
        let id = d.sections[2].id;
        d.set_section_text(id, "Connection mattered most to me.", 2)
            .unwrap();
        let before = d.clone();
        let err = d.remove_section(id, 3).unwrap_err();
        assert_eq!(
            err,
            AssignmentError::SectionHasText {
                title: "Recovery ideas I recognise in my journey".into(),
                words: 5
            }
        );
        assert!(err.to_string().contains("5 words"));
        assert_eq!(d, before, "nothing changed");
    }

    #[test]
    fn removing_an_empty_section_works_but_the_last_one_stays() {
        let (_, mut d) = Assignment::start_own("Mine", &[], 1).unwrap();
        let extra = d.add_section("Extra", None, 2).unwrap();
        d.set_section_text(extra, "  \n\n ", 3).unwrap();
        let removed = d.remove_section(extra, 4).unwrap();
        assert_eq!(removed.title, "Extra");
        let only = d.sections[0].id;
        assert_eq!(d.remove_section(only, 5), Err(AssignmentError::LastSection));
        assert_eq!(d.sections.len(), 1);
    }

    #[test]
    fn merging_a_section_moves_its_words_then_removes_the_heading() {
        let (_, mut d) = essay();
        let (a, b) = (d.sections[0].id, d.sections[1].id);
        d.set_section_text(a, "First paragraph.\n\n", 2).unwrap();
        d.set_section_text(b, "Second paragraph.\nWith a line break.", 3)
            .unwrap();
        d.merge_section(b, a, 4).unwrap();
        assert_eq!(
            d.section_text(a),
            Some("First paragraph.\n\nSecond paragraph.\nWith a line break.")
        );
        assert!(d.section(b).is_none());
        assert_eq!(
            d.merge_section(a, a, 5),
            Err(AssignmentError::MergeIntoItself)
        );
    }

    #[test]
    fn new_sections_never_reuse_an_id() {
        let (_, mut d) = essay();
        let last = d.sections[5].id;
        d.remove_section(last, 2).unwrap();
        let added = d.add_section("Afterword", Some(0), 3).unwrap();
        assert_ne!(added, last);
        assert_eq!(d.sections[0].id, added);
        // Even if next_section_id was stale (say, after restoring an older outline).
        d.next_section_id = 1;
        let again = d.add_section("Another", None, 4).unwrap();
        assert!(d.sections.iter().filter(|s| s.id == again).count() == 1);
    }

    #[test]
    fn whole_draft_text_joins_sections_with_blank_lines_and_skips_empty_ones() {
        let (_, mut d) = essay();
        let ids: Vec<SectionId> = d.sections.iter().map(|s| s.id).collect();
        d.set_section_text(ids[0], "One.\n", 2).unwrap();
        d.set_section_text(ids[3], "Two.", 2).unwrap();
        assert_eq!(d.full_text(), "One.\n\nTwo.");
        assert_eq!(d.section_text(ids[3]), Some("Two."));
    }

    #[test]
    fn days_to_go_read_kindly_before_and_after_the_date() {
        assert_eq!(days_to_go_label(13), "13 days to go");
        assert_eq!(days_to_go_label(1), "Due tomorrow");
        assert_eq!(days_to_go_label(0), "Due today");
        assert_eq!(days_to_go_label(-1), "The hand-in date was yesterday");
        assert_eq!(days_to_go_label(-4), "The hand-in date was 4 days ago");
    }

    #[test]
    fn a_missing_draft_stands_in_as_one_empty_section_with_no_owner() {
        let d = Draft::default();
        assert_eq!(d.assignment_id, "");
        assert_eq!(d.sections.len(), 1);
        assert!(!d.has_text());
    }

    #[test]
    fn paragraphs_split_on_blank_lines_and_keep_single_line_breaks() {
        let text = "\n\nFirst line\nsecond line  \n \t\nNext para\r\n\r\n\r\nLast\n";
        let got: Vec<&str> = paragraphs(text).collect();
        assert_eq!(got, ["First line\nsecond line", "Next para", "Last"]);
        assert_eq!(paragraphs("   \n\n").count(), 0);
        let lines: Vec<&str> = paragraph_lines("a\r\nb\rc\nd").collect();
        assert_eq!(lines, ["a", "b", "c", "d"]);
    }
}
