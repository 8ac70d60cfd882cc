//! Changing the outline: renaming, moving, removing and merging a section, and adding a new one.
//!
//! The domain refuses to remove a section that still holds words; here that refusal is explained
//! in place and turned into an offer: merge the words into another section, then remove it.

use leptos::html::Button;
use leptos::prelude::*;

use crate::app::form::{focus_node, Control, Field};
use crate::app::pages::writing::draft_state::DraftState;
use crate::domain::assignment::{AssignmentError, SectionId};

/// The tools for one section, folded away until wanted: rename, move up or down, remove (or
/// merge, when it holds words).
#[component]
pub fn SectionTools(
    /// The open draft.
    state: DraftState,
    /// The section these tools change.
    id: SectionId,
    /// The section's current title.
    title: Memo<String>,
    /// Where changes that remove this section are announced.
    announce: WriteSignal<String>,
) -> impl IntoView {
    // What the rename field holds: the section's title, until the trainee types another.
    let rename_to = RwSignal::new(title.get_untracked());
    Effect::new(move |_| rename_to.set(title.get()));
    let up_button = NodeRef::<Button>::new();
    let down_button = NodeRef::<Button>::new();
    let rename_error = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    let merge_offer = RwSignal::new(false);
    // The chosen section's id, as the drop-down list holds it.
    let merge_into = RwSignal::new(String::new());

    let rename_id = format!("section-{}-rename", id.0);
    let merge_id = format!("section-{}-merge", id.0);

    let on_rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match state.change(|d, now| d.rename_section(id, &rename_to.get_untracked(), now)) {
            Ok(()) => {
                rename_error.set(None);
                status.set(format!("Renamed to “{}”.", title.get_untracked()));
            }
            // What was typed stays in the field, with the reason beside it.
            Err(e) => rename_error.set(Some(e.to_string())),
        }
    };

    let position_note = move || {
        state.draft.with_untracked(|d| {
            let at = d.position(id).map_or(0, |p| p + 1);
            format!(
                "“{}” is now section {at} of {}.",
                title.get_untracked(),
                d.sections.len()
            )
        })
    };
    let move_by = move |up: bool| {
        let before = state.draft.with_untracked(|d| d.position(id));
        let _ = state.change(|d, now| {
            if up {
                d.move_section_up(id, now)
            } else {
                d.move_section_down(id, now)
            }
        });
        let after = state.draft.with_untracked(|d| d.position(id));
        if before == after {
            let end = if up { "first" } else { "last" };
            status.set(format!(
                "“{}” is already the {end} section.",
                title.get_untracked()
            ));
        } else {
            status.set(position_note());
        }
        // Moving a node in the page takes focus away from it; put it back on the button.
        focus_node(if up { up_button } else { down_button });
    };

    let on_remove = move |_| {
        let neighbour = state.draft.with_untracked(|d| {
            let at = d.position(id)?;
            let other = if at > 0 { at - 1 } else { at + 1 };
            d.sections.get(other).map(|s| s.id)
        });
        let removed_title = title.get_untracked();
        match state.change(|d, now| d.remove_section(id, now)) {
            Ok(_) => {
                announce.set(format!("Removed the section “{removed_title}”."));
                state.focus_request.set(neighbour);
            }
            Err(e @ AssignmentError::SectionHasText { .. }) => {
                status.set(e.to_string());
                merge_into.set(neighbour.map(|s| s.0.to_string()).unwrap_or_default());
                merge_offer.set(true);
            }
            Err(e) => status.set(e.to_string()),
        }
    };

    let others = Memo::new(move |_| {
        state.draft.with(|d| {
            d.sections
                .iter()
                .filter(|s| s.id != id)
                .map(|s| (s.id.0.to_string(), s.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    let on_merge = move |_| {
        let Some(into) = merge_into.get_untracked().parse().ok().map(SectionId) else {
            return;
        };
        let from_title = title.get_untracked();
        let into_title = state
            .draft
            .with_untracked(|d| d.section(into).map(|s| s.title.clone()).unwrap_or_default());
        match state.change(|d, now| d.merge_section(id, into, now)) {
            Ok(()) => {
                announce.set(format!(
                    "Merged “{from_title}” into “{into_title}”: its words are now at the end of \
                     “{into_title}”."
                ));
                state.focus_request.set(Some(into));
            }
            Err(e) => status.set(e.to_string()),
        }
    };

    view! {
        <details class="section-tools">
            <summary>"Rename, move or remove"</summary>
            <form on:submit=on_rename>
                <Field id=rename_id label="Section name" value=rename_to error=rename_error>
                    <button type="submit" class="button">"Rename"</button>
                </Field>
            </form>
            <div class="actions">
                <button type="button" class="button" node_ref=up_button on:click=move |_| move_by(true)>
                    "Move up"
                </button>
                <button type="button" class="button" node_ref=down_button on:click=move |_| move_by(false)>
                    "Move down"
                </button>
                <button type="button" class="button" on:click=on_remove>
                    "Remove section"
                </button>
            </div>
            <p class="status" role="status">{move || status.get()}</p>
            <Show when=move || merge_offer.get() && !others.with(Vec::is_empty)>
                <div class="merge-offer">
                    <Field
                        id=merge_id.clone()
                        label="Move its words to the end of"
                        value=merge_into
                        control=Control::Select(others.into())
                    >
                        <button type="button" class="button" on:click=on_merge>
                            "Merge and remove"
                        </button>
                    </Field>
                </div>
            </Show>
        </details>
    }
}

/// Adding a new, empty section at the end of the outline.
#[component]
pub fn AddSection(
    /// The open draft.
    state: DraftState,
    /// Where the new section is announced.
    announce: WriteSignal<String>,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match state.change(|d, now| d.add_section(&name.get_untracked(), None, now)) {
            Ok(id) => {
                error.set(None);
                let added = state
                    .draft
                    .with_untracked(|d| d.section(id).map(|s| s.title.clone()))
                    .unwrap_or_default();
                name.set(String::new());
                announce.set(format!("Added the section “{added}” at the end."));
                state.focus_request.set(Some(id));
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="add-section" on:submit=on_submit>
            <Field id="add-section-name" label="Name for a new section" value=name error>
                <button type="submit" class="button">"Add section"</button>
            </Field>
        </form>
    }
}
