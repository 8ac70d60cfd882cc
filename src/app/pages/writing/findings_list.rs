//! The checker's findings for one section, under its text: each phrase (quoted) with a short why,
//! a button per suggestion, "Not here" and "Don't flag … in this draft", and a status line with an
//! Undo button for the last of those.
//!
//! Findings are known by what they are (their entry, their words, and which copy of them), not by
//! where they are, so typing that only moves them along does not rebuild the list; the buttons
//! look up the finding's current place when pressed. Everything the trainee wrote is shown as text nodes.

use std::collections::HashMap;

use leptos::html::{Button, Textarea, P};
use leptos::prelude::*;

use crate::app::form::focus_node;
use crate::app::pages::writing::draft_state::DraftState;
use crate::app::pages::writing::textarea_edit::{undo_edit, write_edit};
use crate::domain::assignment::SectionId;
use crate::domain::dismissal::Dismissal;
use crate::domain::language_check::{apply_suggestion, Finding, TextEdit};

/// Which finding an item is about, independent of where it is in the text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct FindingKey {
    entry_id: String,
    matched: String,
    /// Which copy of the same words from the same entry (0 for the first in the section).
    copy: usize,
}

/// The findings with their keys, in order.
fn keyed(findings: &[Finding]) -> Vec<(FindingKey, Finding)> {
    let mut copies = HashMap::<(&str, &str), usize>::new();
    findings
        .iter()
        .map(|finding| {
            let copy = copies
                .entry((&finding.entry_id, &finding.matched))
                .or_insert(0);
            let key = FindingKey {
                entry_id: finding.entry_id.clone(),
                matched: finding.matched.clone(),
                copy: *copy,
            };
            *copy += 1;
            (key, finding.clone())
        })
        .collect()
}

/// The last thing done from the list, for the status line.
#[derive(Debug, Clone, PartialEq)]
enum Done {
    /// A suggestion went in (undoable).
    Applied(TextEdit),
    /// A finding, or a kind of finding, was dismissed (undoable).
    Dismissed(Dismissal),
    /// Something to say with no Undo.
    Note(String),
}

/// "1 phrase you might put differently."
fn summary(count: usize) -> String {
    match count {
        0 => String::new(),
        1 => "1 phrase you might put differently:".to_string(),
        n => format!("{n} phrases you might put differently:"),
    }
}

/// The findings list and its status line for one section.
#[component]
pub fn FindingsList(
    /// The open draft.
    state: DraftState,
    /// The section.
    id: SectionId,
    /// The section's findings, kept up to date by the editor.
    findings: Memo<Vec<Finding>>,
    /// The section's textarea (suggestions are typed into it).
    textarea: NodeRef<Textarea>,
    /// The id of the summary line, which the textarea names in its description.
    summary_id: String,
) -> impl IntoView {
    let done = RwSignal::new(None::<Done>);
    let undo_button = NodeRef::<Button>::new();
    let summary_line = NodeRef::<P>::new();
    let items = Memo::new(move |_| findings.with(|f| keyed(f)));
    // Changes only when a finding comes or goes, not when typing moves the findings along.
    let keys = Memo::new(move |_| {
        items.with(|list| list.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>())
    });
    let current = move |key: &FindingKey| {
        items.with_untracked(|list| list.iter().find(|(k, _)| k == key).map(|(_, f)| f.clone()))
    };
    let gone =
        || Done::Note("That phrase has changed since it was checked, so nothing was done.".into());

    let apply = move |key: &FindingKey, suggestion: &str| {
        let Some(finding) = current(key) else {
            done.set(Some(gone()));
            return;
        };
        let text = state.section_text_untracked(id);
        match apply_suggestion(&text, &finding, suggestion) {
            Ok((new_text, edit)) => {
                write_edit(state, id, textarea.get_untracked(), &text, &edit, new_text);
                done.set(Some(Done::Applied(edit)));
                focus_node(undo_button);
            }
            Err(error) => done.set(Some(Done::Note(error.to_string()))),
        }
    };
    let dismiss = move |key: &FindingKey, whole_entry: bool| {
        let Some(finding) = current(key) else {
            done.set(Some(gone()));
            return;
        };
        let dismissal = if whole_entry {
            Dismissal::entry(&finding)
        } else {
            Dismissal::spot(&state.section_text_untracked(id), &finding)
        };
        let stored = dismissal.clone();
        state.change(move |draft, _| draft.dismiss(stored));
        done.set(Some(Done::Dismissed(dismissal)));
        focus_node(undo_button);
    };
    let undo = move |_| {
        match done.get_untracked() {
            Some(Done::Applied(edit)) => {
                let note = match undo_edit(state, id, textarea.get_untracked(), &edit) {
                    Ok(()) => format!("Put back “{}”.", edit.removed),
                    Err(error) => error.to_string(),
                };
                done.set(Some(Done::Note(note)));
            }
            Some(Done::Dismissed(dismissal)) => {
                let stored = dismissal.clone();
                state.change(move |draft, _| draft.undismiss(&stored));
                done.set(Some(Done::Note(format!(
                    "“{}” is flagged again.",
                    dismissal.matched()
                ))));
            }
            _ => {}
        }
        // The Undo button has gone; the list where the phrase is back is the next thing to read.
        focus_node(summary_line);
    };

    let status = move || {
        done.get().map(|done| {
            let (message, undoable) = match done {
                Done::Applied(edit) => (
                    format!("Changed “{}” to “{}”. ", edit.removed, edit.inserted),
                    true,
                ),
                Done::Dismissed(Dismissal::Spot { matched, .. }) => {
                    (format!("“{matched}” won't be flagged in this spot. "), true)
                }
                Done::Dismissed(Dismissal::Entry { matched, .. }) => (
                    format!("“{matched}” and its other forms won't be flagged in this draft. "),
                    true,
                ),
                Done::Note(note) => (note, false),
            };
            view! {
                <p>
                    {message}
                    {undoable.then(|| view! {
                        <button type="button" class="button" node_ref=undo_button on:click=undo>
                            "Undo"
                        </button>
                    })}
                </p>
            }
        })
    };

    let item = move |(key, finding): (FindingKey, Finding)| {
        let phrase_id = format!("section-{}-finding-{}-{}", id.0, finding.entry_id, key.copy);
        let quoted = format!("“{}”", finding.matched);
        let suggestion_buttons = finding
            .suggestions
            .iter()
            .map(|suggestion| {
                let key = key.clone();
                let suggestion = suggestion.clone();
                let label = format!("Use “{suggestion}”");
                view! {
                    <button
                        type="button"
                        class="button lc-use"
                        aria-describedby=phrase_id.clone()
                        on:click=move |_| apply(&key, &suggestion)
                    >
                        {label}
                    </button>
                }
            })
            .collect_view();
        let spot_key = key.clone();
        let entry_key = key.clone();
        let about = format!("/glossary/{}", finding.entry_id);
        view! {
            <li class="lc-finding">
                <p class="lc-phrase" id=phrase_id.clone()>{quoted.clone()}</p>
                {(!finding.why.is_empty()).then(|| view! { <p class="lc-why">{finding.why.clone()}</p> })}
                {finding.ideas_text().map(|ideas| view! { <p class="lc-ideas">{ideas}</p> })}
                <div class="lc-actions">
                    {suggestion_buttons}
                    <button
                        type="button"
                        class="button"
                        aria-describedby=phrase_id.clone()
                        on:click=move |_| dismiss(&spot_key, false)
                    >
                        "Not here"
                    </button>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| dismiss(&entry_key, true)
                    >
                        {format!("Don't flag {quoted} in this draft")}
                    </button>
                </div>
                <p class="lc-about"><a href=about>"More about this in the glossary"</a></p>
            </li>
        }
    };

    view! {
        <div class="lc-findings hide-in-focus">
            <p class="lc-summary" id=summary_id tabindex="-1" node_ref=summary_line>
                {move || findings.with(|f| summary(f.len()))}
            </p>
            <Show when=move || keys.with(|k| !k.is_empty())>
                <ul class="lc-list">
                    {move || {
                        keys.track();
                        items.with_untracked(|list| list.iter().cloned().map(item).collect_view())
                    }}
                </ul>
            </Show>
            <div class="lc-status" role="status">{status}</div>
        </div>
    }
}
