//! Helpers for the writing tests: a started assignment in storage. Acting and reading are the
//! shared ones in `support`.

use peer_study::domain::assignment::{course_assignment, Assignment, Draft};

use crate::support::seed;

/// Store the reflective essay as started, with `texts` in its first sections.
pub fn store_started_essay(texts: &[&str]) -> (Assignment, Draft) {
    let template = course_assignment("recovery-story-essay").unwrap();
    let (assignment, mut draft) = Assignment::start_from_course(template, 1_000);
    let ids: Vec<_> = draft.sections.iter().map(|s| s.id).collect();
    for (id, text) in ids.into_iter().zip(texts) {
        draft.set_section_text(id, *text, 2_000).unwrap();
    }
    seed(
        "peer-study/assignments",
        &serde_json::to_string(&vec![assignment.clone()]).unwrap(),
    );
    seed(
        "peer-study/draft/recovery-story-essay",
        &serde_json::to_string(&draft).unwrap(),
    );
    (assignment, draft)
}
