//! The reflection journal: write a dated reflection (optionally about a module), search them all
//! as you type, edit or delete them. Each module's page shows the entries about it.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::journal::{JournalEntries, JournalForm};
use super::{edit_record, BackToCourse};
use crate::app::clock::{now_ms, today};
use crate::app::form::{save_saying, Control, EntryForm, Field, StatusLine};
use crate::app::page::{Card, Page};
use crate::app::records::{use_record, Records};
use crate::domain::journal::{JournalDraft, JournalError};
use crate::storage::record_names::{COURSE, JOURNAL};

/// The journal page. `?module=<id>` starts a new entry about that module.
#[component]
pub fn JournalPage() -> impl IntoView {
    let journal = use_record(JOURNAL);
    let course = use_record(COURSE);
    let records = expect_context::<Records>();
    let query = use_query_map();
    let module = query.with_untracked(|q| q.get("module"));
    let module = module.filter(|id| course.with_untracked(|c| c.knows_module(id)));
    let initial = JournalDraft::new(today(), module.as_deref());
    let status = RwSignal::new(String::new());
    let on_save = save_saying(
        status,
        move |draft: JournalDraft| {
            let course_now = course.get_untracked();
            edit_record(journal, |j| j.add(&draft, &course_now, now_ms())).map(drop)
        },
        |e| match e {
            JournalError::Invalid(problems) => Ok(problems),
            other => Err(other),
        },
        move || records.saved_words(JOURNAL, "Saved in your journal."),
    );
    let search = RwSignal::new(String::new());
    let found = Signal::derive(move || {
        let words = search.get();
        journal.with(|j| {
            j.search(&words)
                .into_iter()
                .map(|e| e.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let total = move || journal.with(|j| j.entries.len());
    let count_words = move || {
        let shown = found.with(Vec::len);
        if search.with(|s| s.trim().is_empty()) {
            match total() {
                0 => "Your reflections will appear here.".to_string(),
                1 => "1 reflection.".to_string(),
                n => format!("{n} reflections, newest first."),
            }
        } else {
            match shown {
                0 => "Nothing matches that yet. Try fewer or different words.".to_string(),
                1 => "1 reflection matches.".to_string(),
                n => format!("{n} reflections match."),
            }
        }
    };

    view! {
        <Page title="Reflection journal">
            <BackToCourse/>
            <p class="lead">
                "Short, dated reflections: how a session landed, what you noticed, what you want "
                "to remember. They're the raw material for your assignments."
            </p>
            <Card heading_id="write-heading" title="Write a reflection">
                <JournalForm form=EntryForm::adding("new-entry", initial, "Save reflection", on_save)/>
                <StatusLine text=status/>
            </Card>
            <section aria-labelledby="reflections-heading">
                <h2 id="reflections-heading" tabindex="-1">"Your reflections"</h2>
                <Field
                    id="journal-search"
                    label="Search your journal"
                    value=search
                    control=Control::Search
                />
                <p class="status" role="status">{count_words}</p>
                <JournalEntries
                    ids=found
                    editable=true
                    after_delete_focus="reflections-heading"
                    status
                />
            </section>
        </Page>
    }
}
