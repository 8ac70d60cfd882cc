//! "Add from my journal", under each section of the editor: the trainee's reflections, newest
//! first and filterable by module, each with "Add to this section", which puts its text in at the
//! cursor as its own paragraph. The insertion is a [`TextEdit`], typed in the way a checker
//! suggestion is (so Ctrl+Z works where there is a keyboard) and undone the same way. A reflection
//! used here is marked "used in your essay" in the journal.

use leptos::html::{Button, Textarea};
use leptos::prelude::*;

use crate::app::form::focus_node;
use crate::app::pages::course::edit_record;
use crate::app::pages::writing::draft_state::DraftState;
use crate::app::pages::writing::textarea_edit::{undo_edit, write_edit};
use crate::app::records::use_record;
use crate::domain::assignment::SectionId;
use crate::domain::journal::JournalEntry;
use crate::domain::journal_insert::insert_reflection;
use crate::domain::language_check::TextEdit;
use crate::storage::record_names::{COURSE, JOURNAL};

/// The byte offset in `text` of a textarea position counted in UTF-16 code units.
fn byte_offset(text: &str, utf16: u32) -> usize {
    let mut units = 0u32;
    for (at, c) in text.char_indices() {
        if units >= utf16 {
            return at;
        }
        units += c.len_utf16() as u32;
    }
    text.len()
}

/// The journal picker for one section.
#[component]
pub fn JournalPicker(
    /// The open draft.
    state: DraftState,
    /// The section.
    id: SectionId,
    /// The section's textarea (for the cursor, and to type the reflection in).
    textarea: NodeRef<Textarea>,
) -> impl IntoView {
    let journal = use_record(JOURNAL);
    let course = use_record(COURSE);
    let module = RwSignal::new(String::new());
    // The last insertion: its reflection's title and id, the edit, and whether it was this
    // insertion that marked the reflection as used (so undoing it unmarks it).
    let done = RwSignal::new(None::<(String, String, TextEdit, bool)>);
    let note = RwSignal::new(String::new());
    let undo_button = NodeRef::<Button>::new();
    let entries = Memo::new(move |_| {
        let wanted = module.get();
        journal.with(|j| {
            let list = if wanted.is_empty() {
                j.newest_first()
            } else {
                j.for_module(&wanted)
            };
            list.into_iter().cloned().collect::<Vec<JournalEntry>>()
        })
    });
    // Only modules that have reflections are worth offering in the filter.
    let modules = Memo::new(move |_| {
        journal.with(|j| {
            course.with(|c| {
                c.modules_and_placement()
                    .filter(|m| {
                        j.entries
                            .iter()
                            .any(|e| e.module_id.as_deref() == Some(&m.id))
                    })
                    .map(|m| (m.id.clone(), m.title.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });

    let add = move |entry: JournalEntry| {
        let text = state.section_text_untracked(id);
        let cursor = textarea
            .get_untracked()
            .and_then(|t| t.selection_start().ok().flatten())
            .map_or(text.len(), |at| byte_offset(&text, at));
        let (new_text, edit) = insert_reflection(&text, cursor, &entry.body);
        write_edit(state, id, textarea.get_untracked(), &text, &edit, new_text);
        let marked = edit_record(journal, |j| {
            match j.entries.iter_mut().find(|e| e.id == entry.id) {
                Some(e) if !e.used_in_essay => {
                    e.used_in_essay = true;
                    Ok(())
                }
                _ => Err(()),
            }
        })
        .is_ok();
        note.set(String::new());
        done.set(Some((
            entry.display_title(),
            entry.id.clone(),
            edit,
            marked,
        )));
        focus_node(undo_button);
    };
    let undo = move |_| {
        let Some((title, entry_id, edit, marked)) = done.get_untracked() else {
            return;
        };
        match undo_edit(state, id, textarea.get_untracked(), &edit) {
            Ok(()) => {
                if marked {
                    journal.update(|j| {
                        if let Some(e) = j.entries.iter_mut().find(|e| e.id == entry_id) {
                            e.used_in_essay = false;
                        }
                    });
                }
                note.set(format!("\u{201c}{title}\u{201d} is taken out again."));
            }
            Err(_) => note.set(
                "The section has changed around that reflection since, so it was left as it is."
                    .to_string(),
            ),
        }
        done.set(None);
    };
    let select_id = format!("journal-filter-{}", id.0);

    view! {
        <details class="journal-picker">
            <summary>"Add from my journal"</summary>
            <Show
                when=move || journal.with(|j| !j.entries.is_empty())
                fallback=|| view! { <p>"Your reflection journal is empty so far."</p> }
            >
                <div class="field">
                    <label for=select_id.clone()>"Show reflections from"</label>
                    <select
                        id=select_id.clone()
                        on:change=move |ev| module.set(event_target_value(&ev))
                        prop:value=move || module.get()
                    >
                        <option value="">"All modules"</option>
                        <For
                            each=move || modules.get()
                            key=|(id, _)| id.clone()
                            children=|(id, title)| view! { <option value=id>{title}</option> }
                        />
                    </select>
                </div>
                <ul class="journal-list">
                    <For
                        each=move || entries.get()
                        key=|e| (e.id.clone(), e.updated_ms)
                        children=move |entry| {
                            let title = entry.display_title();
                            // The visible words first, then which reflection (label in name).
                            let name = format!("Add to this section: {title}");
                            let to_add = entry.clone();
                            view! {
                                <li class="journal-entry">
                                    <p>
                                        <strong>{title}</strong>
                                        " · "
                                        {entry.date.display_short()}
                                    </p>
                                    <p class="journal-body">{entry.excerpt(240)}</p>
                                    <button
                                        type="button"
                                        class="button quiet small"
                                        aria-label=name
                                        on:click=move |_| add(to_add.clone())
                                    >
                                        "Add to this section"
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
            </Show>
            <div role="status" class="status">
                {move || {
                    done.with(|d| d.as_ref().map(|(title, ..)| title.clone())).map(|title| {
                        view! {
                            <p>{format!("\u{201c}{title}\u{201d} is added to this section.")}</p>
                            <button type="button" class="button" node_ref=undo_button on:click=undo>
                                "Undo"
                            </button>
                        }
                    })
                }}
                {move || note.get()}
            </div>
        </details>
    }
}
