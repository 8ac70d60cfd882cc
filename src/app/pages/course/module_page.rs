//! One module's page (the placement's too): what it covers, when it is, its prep checklist, the
//! trainee's notes, their journal entries on it, and ways to adapt it to their cohort.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::checklist::module_anywhere;
use super::journal::JournalEntries;
use super::module_controls::ModuleControls;
use super::own_tasks::EditableChecklist;
use super::placement_log::PlacementLogSection;
use super::placement_share::PlacementShare;
use super::{session_of, session_words, BackToCourse};
use crate::app::form::focus_id;
use crate::app::page::{Card, Page};
use crate::app::records::use_record;
use crate::domain::course::PLACEMENT_ID;
use crate::storage::record_names::{COURSE, JOURNAL, SCHEDULE};

/// Where a module is, which decides what its page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Whereabouts {
    InCourse,
    SetAside,
    Missing,
}

/// The page at `/course/:id`.
#[component]
pub fn ModulePage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    // A different module is a different page: build it afresh (and move focus to its heading).
    move || {
        let id = id.get();
        view! { <ModuleScreen id/> }
    }
}

/// Everything on one module's page.
#[component]
fn ModuleScreen(
    /// The module's id.
    id: String,
) -> impl IntoView {
    let course = use_record(COURSE);
    let where_id = id.clone();
    let whereabouts = Memo::new(move |_| {
        course.with(|c| {
            if c.module(&where_id).is_some() {
                Whereabouts::InCourse
            } else if c.set_aside.iter().any(|m| m.id == where_id) {
                Whereabouts::SetAside
            } else {
                Whereabouts::Missing
            }
        })
    });
    let title_id = id.clone();
    let title = move || {
        course.with(|c| {
            module_anywhere(c, &title_id)
                .map(|m| m.title.clone())
                .unwrap_or_else(|| "Module not found".to_string())
        })
    };
    let status = RwSignal::new(String::new());
    // Where the module was when set aside, so "Put it back" returns it to the same place.
    let removed_at = StoredValue::new(None::<usize>);
    let id = StoredValue::new(id);

    view! {
        <Page title=title>
            <BackToCourse/>
            <p class="status" id="module-status" role="status" tabindex="-1">
                {move || status.get()}
            </p>
            {move || match whereabouts.get() {
                Whereabouts::InCourse => {
                    view! { <ModuleBody id=id.get_value() status removed_at/> }.into_any()
                }
                Whereabouts::SetAside => {
                    let put_back = move |_| {
                        let at = removed_at.get_value();
                        course.update(|c| {
                            let _ = c.restore_module(&id.read_value(), at);
                        });
                        status.set(
                            "It's back in your course, with its ticks and notes.".to_string(),
                        );
                        focus_id("module-status");
                    };
                    view! {
                        <div class="notice">
                            <p>
                                "You've set this module aside. Its ticks and notes are kept, "
                                "and it can go back into your course whenever you like."
                            </p>
                            <button
                                type="button"
                                class="button primary"
                                id="put-back-button"
                                on:click=put_back
                            >
                                "Put it back"
                            </button>
                        </div>
                    }
                        .into_any()
                }
                Whereabouts::Missing => {
                    view! {
                        <p>
                            "We couldn't find this module in your course. The link may be from "
                            "before a change, or have a typo."
                        </p>
                        <p>
                            <a href="/course">"See all your modules"</a>
                        </p>
                    }
                        .into_any()
                }
            }}
        </Page>
    }
}

/// The page of a module that is in the course.
#[component]
fn ModuleBody(
    /// The module's id.
    id: String,
    /// The page's status line.
    status: RwSignal<String>,
    /// Where the module was when set aside.
    removed_at: StoredValue<Option<usize>>,
) -> impl IntoView {
    let course = use_record(COURSE);
    let schedule = use_record(SCHEDULE);
    let journal = use_record(JOURNAL);
    let is_placement = id == PLACEMENT_ID;

    let meta_id = id.clone();
    let meta = move || {
        if meta_id == PLACEMENT_ID {
            return "Alongside the classroom days, arranged with your peer supervisor.".to_string();
        }
        course.with(|c| {
            let number = c
                .position(&meta_id)
                .map(|i| format!("Module {} of {}", i + 1, c.modules.len()))
                .unwrap_or_default();
            let when = schedule.with(|s| match session_of(c, s.as_ref(), &meta_id) {
                Some(session) => session_words(&session),
                None => "date to be set".to_string(),
            });
            format!("{number} · {when}")
        })
    };
    let summary_id = id.clone();
    let summary = move || {
        course.with(|c| {
            c.module(&summary_id)
                .map(|m| m.summary.clone())
                .unwrap_or_default()
        })
    };
    let assignment_id = id.clone();
    let has_assignment = move || {
        course.with(|c| {
            c.module(&assignment_id)
                .is_some_and(|m| m.assignment.is_some())
        })
    };

    let notes_id = id.clone();
    let initial_notes = course.with_untracked(|c| c.notes(&id).to_string());
    let save_notes = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        course.update(|c| {
            let _ = c.set_notes(&notes_id, &text);
        });
    };

    let journal_id = id.clone();
    let entry_ids = Signal::derive(move || {
        journal.with(|j| {
            j.for_module(&journal_id)
                .into_iter()
                .map(|e| e.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let write_href = format!("/course/journal?module={id}");
    let prep_heading = if is_placement {
        "Prepare for your placement"
    } else {
        "Prepare for this module"
    };

    let checklist_id = id.clone();
    view! {
        <p class="module-meta">{meta}</p>
        <p class="lead">{summary}</p>
        <Show when=has_assignment>
            <p class="notice">
                "This module introduces one of your assignments. "
                <a href="/assignments">"See your assignments"</a>
            </p>
        </Show>
        {is_placement.then(|| view! { <PlacementLogSection/> <PlacementShare/> })}
        <Card heading_id="prep-heading" title={prep_heading}>
            <EditableChecklist module_id=checklist_id/>
        </Card>
        <Card heading_id="notes-heading" title="Your notes">
            <label for="module-notes" class="visually-hidden">"Your notes"</label>
            <p class="field-hint" id="module-notes-hint">"Saved as you type, on this device."</p>
            <textarea
                id="module-notes"
                rows="6"
                aria-describedby="module-notes-hint"
                prop:value=initial_notes
                on:input=save_notes
            ></textarea>
        </Card>
        <Card heading_id="journal-heading" title="Your journal entries on this">
            <Show
                when=move || !entry_ids.with(Vec::is_empty)
                fallback=|| view! { <p>"No reflections on this yet."</p> }
            >
                <JournalEntries ids=entry_ids editable=false/>
            </Show>
            <p>
                <a href=write_href>"Write a reflection on this"</a>
            </p>
        </Card>
        <ModuleControls id=id.clone() status removed_at/>
        <ModuleNeighbours id/>
    }
}

/// "Previous module" and "Next module" links, in the trainee's own course order, so a phone user
/// can step through the course without going back to the map each time.
#[component]
fn ModuleNeighbours(
    /// The module whose neighbours to link to.
    id: String,
) -> impl IntoView {
    let course = use_record(COURSE);
    let links = Memo::new(move |_| {
        course.with(|c| {
            let (before, after) = c.neighbours(&id);
            let pair = |m: Option<&crate::domain::course::Module>| {
                m.map(|m| (super::module_href(&m.id), m.title.clone()))
            };
            (pair(before), pair(after))
        })
    });
    view! {
        <nav class="module-neighbours" aria-label="Modules before and after this one">
            {move || {
                links
                    .get()
                    .0
                    .map(|(href, title)| {
                        view! {
                            <a href=href class="previous" rel="prev">
                                <span class="direction">"Previous module"</span>
                                <span class="title">{title}</span>
                            </a>
                        }
                    })
            }}
            {move || {
                links
                    .get()
                    .1
                    .map(|(href, title)| {
                        view! {
                            <a href=href class="next" rel="next">
                                <span class="direction">"Next module"</span>
                                <span class="title">{title}</span>
                            </a>
                        }
                    })
            }}
        </nav>
    }
}
