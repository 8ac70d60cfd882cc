//! Version history: automatic snapshots while writing, named versions on request, the list of
//! versions, a comparison with the current text, and restore.
//!
//! All rules (when an automatic snapshot is due, thinning, what restore keeps) are the domain's;
//! this file decides only when to ask: on a timer and when the page is hidden.

use std::time::Duration;

use leptos::prelude::*;

use crate::app::clock::{moment_label, now_ms};
use crate::app::form::Field;
use crate::app::page::Card;
use crate::app::pages::writing::draft_state::DraftState;
use crate::domain::history::{BlockKind, Change, Comparison, History, SnapshotId, ThinningPolicy};
use crate::domain::word_count::{group_thousands, TargetProgress};

/// How often the editor checks whether an automatic snapshot is due.
const AUTO_CHECK_EVERY: Duration = Duration::from_secs(30);

/// Take an automatic snapshot if the domain says one is due. Cheap when none is: nothing is
/// written unless a snapshot is taken.
fn snapshot_if_due(state: DraftState, history: RwSignal<History>) {
    let now = now_ms();
    let last_edit = state.last_edit_at.get_value();
    let due = state
        .draft
        .with_untracked(|d| history.with_untracked(|h| h.auto_snapshot_due(d, now, last_edit)));
    if due {
        state.draft.with_untracked(|d| {
            history.update(|h| {
                h.take_auto_if_due(d, now, last_edit, &ThinningPolicy::default());
            })
        });
    }
}

/// Check for a due automatic snapshot every [`AUTO_CHECK_EVERY`] and whenever the page is hidden
/// (the trainee switches app or closes the tab), for as long as the editor is open.
pub fn keep_automatic_snapshots(state: DraftState, history: RwSignal<History>) {
    let interval =
        set_interval_with_handle(move || snapshot_if_due(state, history), AUTO_CHECK_EVERY).ok();
    let on_hidden = window_event_listener_untyped("visibilitychange", move |_| {
        if document().hidden() {
            snapshot_if_due(state, history);
        }
    });
    let on_pagehide =
        window_event_listener_untyped("pagehide", move |_| snapshot_if_due(state, history));
    on_cleanup(move || {
        if let Some(interval) = interval {
            interval.clear();
        }
        on_hidden.remove();
        on_pagehide.remove();
    });
}

/// One row of the version list.
#[derive(Clone, PartialEq)]
struct VersionRow {
    id: SnapshotId,
    label: String,
    taken_at: i64,
    words: usize,
    named: bool,
}

/// Storage size in words: "12 KB", "1.4 MB".
fn size_label(bytes: usize) -> String {
    if bytes < 1_000_000 {
        format!("{} KB", group_thousands(bytes.div_ceil(1_000)))
    } else {
        // Whole-number arithmetic: formatting a float would pull about 11 KB of code into the
        // app for this one label.
        let tenths = (bytes + 50_000) / 100_000;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// The version history of the open draft.
#[component]
pub fn HistoryPanel(
    /// The open draft.
    state: DraftState,
    /// Its version history record.
    history: RwSignal<History>,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let name_error = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    let comparing = RwSignal::new(None::<(String, Comparison)>);

    let rows = Memo::new(move |_| {
        history.with(|h| {
            h.snapshots()
                .iter()
                .rev()
                .map(|s| VersionRow {
                    id: s.id,
                    label: s.label().to_string(),
                    taken_at: s.taken_at,
                    words: s.words,
                    named: s.is_named(),
                })
                .collect::<Vec<_>>()
        })
    });
    let bytes = Memo::new(move |_| history.with(History::bytes_used));

    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = now_ms();
        let result = state.draft.with_untracked(|d| {
            history
                .try_update(|h| {
                    h.take_named(d, &name.get_untracked(), now, &ThinningPolicy::default())
                })
                .expect("the history record is alive while the editor is open")
        });
        match result {
            Ok(id) => {
                name_error.set(None);
                let label = history
                    .with_untracked(|h| h.get(id).map(|s| s.label().to_string()))
                    .unwrap_or_default();
                name.set(String::new());
                status.set(format!("Saved this version as “{label}”."));
            }
            Err(e) => name_error.set(Some(e.to_string())),
        }
    };

    let compare = move |row: &VersionRow| {
        let result = state
            .draft
            .with_untracked(|d| history.with_untracked(|h| h.compare_with_current(row.id, d)));
        match result {
            Ok(comparison) => comparing.set(Some((row.label.clone(), comparison))),
            Err(e) => status.set(e.to_string()),
        }
    };

    let restore = move |row: &VersionRow| {
        let question = format!(
            "Put back “{}” from {}? Your current text is kept as a version first, so you can \
             always come back to it.",
            row.label,
            moment_label(row.taken_at)
        );
        if !window().confirm_with_message(&question).unwrap_or(false) {
            status.set("Nothing was changed.".to_string());
            return;
        }
        let id = row.id;
        let outcome = state.change(|d, now| {
            history
                .try_update(|h| h.restore(d, id, now, &ThinningPolicy::default()))
                .expect("the history record is alive while the editor is open")
        });
        match outcome {
            Ok(outcome) if !outcome.changed => {
                status.set("Your text already matches that version.".to_string())
            }
            Ok(outcome) => {
                comparing.set(None);
                let kept = if outcome.saved_current_as.is_some() {
                    " The text you had just before is saved as “Before restoring an earlier \
                     version”."
                } else {
                    ""
                };
                status.set(format!("Restored “{}”.{kept}", row.label));
            }
            Err(e) => status.set(e.to_string()),
        }
    };

    view! {
        <Card heading_id="history-heading" title="Versions" class="history-panel">
            // What keep_automatic_snapshots and the domain's thinning really do, in words.
            <p>
                "Your words are saved as you type. Below are copies to go back to. One is saved "
                "automatically, marked “Saved automatically”, when you pause for a minute and "
                "every five minutes while you keep writing, but only if your text has changed. "
                "Older ones are thinned out (one every ten minutes after an hour, one a day after "
                "a day, one a week after a month) so they don't fill your device."
            </p>
            <p>"A version you save with a name is never thinned out."</p>
            <form on:submit=on_save>
                <Field id="version-name" label="Name for this version" value=name error=name_error>
                    <button type="submit" class="button">"Save a version"</button>
                </Field>
            </form>
            <p class="status" role="status">{move || status.get()}</p>
            <Show
                when=move || !rows.with(Vec::is_empty)
                fallback=|| {
                    view! {
                        <p>
                            "No versions yet: the first is saved automatically within a minute of "
                            "your first words, or save one with a name now."
                        </p>
                    }
                }
            >
                <ul class="version-list">
                    <For
                        each=move || rows.get()
                        key=|row| (row.id, row.label.clone(), row.words)
                        children=move |row| {
                            let for_compare = row.clone();
                            let for_restore = row.clone();
                            let words = TargetProgress::new(row.words, None).label();
                            view! {
                                <li class="version" class:named=row.named>
                                    <p class="version-name">{row.label.clone()}</p>
                                    <p class="version-meta">
                                        {moment_label(row.taken_at)} " · " {words}
                                    </p>
                                    <div class="actions">
                                        <button
                                            type="button"
                                            class="button"
                                            on:click=move |_| compare(&for_compare)
                                        >
                                            "Compare with now"
                                        </button>
                                        <button
                                            type="button"
                                            class="button"
                                            on:click=move |_| restore(&for_restore)
                                        >
                                            "Restore"
                                        </button>
                                    </div>
                                </li>
                            }
                        }
                    />
                </ul>
            </Show>
            <p class="history-size">
                {move || format!("Versions use about {} of this device's storage.", size_label(bytes.get()))}
            </p>
            {move || comparing.get().map(|(label, comparison)| view! {
                <ComparisonView label comparison on_close=move || comparing.set(None)/>
            })}
        </Card>
    }
}

/// What changed between a version and the current text. Added, removed and changed paragraphs
/// are each marked with a word ("Added", "Removed", "Before", "Now"), never by colour alone.
#[component]
fn ComparisonView(
    /// The version's label.
    label: String,
    /// The comparison from the domain.
    comparison: Comparison,
    /// Closes the comparison.
    on_close: impl Fn() + 'static,
) -> impl IntoView {
    let summary = comparison.summary();
    let identical = comparison.is_identical();
    let block_text = |kind: BlockKind, text: String| match kind {
        BlockKind::Heading => {
            view! { <p class="change-text change-heading">"Heading: " {text}</p> }.into_any()
        }
        BlockKind::Paragraph => view! { <p class="change-text">{text}</p> }.into_any(),
    };
    let changes = comparison
        .changes
        .into_iter()
        .filter_map(|change| match change {
            Change::Same(_) => None,
            Change::Added(block) => Some(
                view! {
                    <li class="change change-added">
                        <span class="change-tag">"Added"</span>
                        {block_text(block.kind, block.text)}
                    </li>
                }
                .into_any(),
            ),
            Change::Removed(block) => Some(
                view! {
                    <li class="change change-removed">
                        <span class="change-tag">"Removed"</span>
                        {block_text(block.kind, block.text)}
                    </li>
                }
                .into_any(),
            ),
            Change::Changed { before, after } => Some(
                view! {
                    <li class="change change-changed">
                        <span class="change-tag">"Changed"</span>
                        <p class="change-label">"Before:"</p>
                        {block_text(before.kind, before.text)}
                        <p class="change-label">"Now:"</p>
                        {block_text(after.kind, after.text)}
                    </li>
                }
                .into_any(),
            ),
        })
        .collect_view();
    view! {
        <section class="comparison" aria-labelledby="comparison-heading">
            <h3 id="comparison-heading">{format!("“{label}” compared with your text now")}</h3>
            <p>
                {if identical {
                    "No changes: this version matches your text now.".to_string()
                } else {
                    format!("{summary} since this version.")
                }}
            </p>
            <ol class="change-list">{changes}</ol>
            <button type="button" class="button" on:click=move |_| on_close()>
                "Close the comparison"
            </button>
        </section>
    }
}
