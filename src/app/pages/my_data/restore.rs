//! Restoring from a backup file on My data: the file is checked completely first (with the app's
//! own decoding of every record), its contents are shown in words, and then it is merged with
//! what is here, or replaces it. Replacing asks first: it says what would be removed or go back
//! to the backup's copy, and offers to download what is here before going on.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::restore_unlock::OpenEncrypted;
use super::{capitalised, event_target};
use crate::app::backup_file::make_backup;
use crate::app::clock::{now_ms, when_in_words};
use crate::app::file_out::download_text;
use crate::app::lock::LockControl;
use crate::app::page::Card;
use crate::app::records::Records;
use crate::domain::word_count::count_words;
use crate::storage::backup::{file_size, read_backup_file, Backup, MAX_BACKUP_BYTES};
use crate::storage::backup::{BackupFile, EncryptedBackup};
use crate::storage::backup::{ReplaceChange, ReplaceEffect, RestoreReport};
use crate::storage::keys::{self, KeyClass, RecordKind};
use crate::storage::record_types::{describe, summary_line};

/// What the restore area is showing.
#[derive(Clone)]
enum RestoreStep {
    /// Waiting for a file.
    Choose,
    /// Reading or checking the file.
    Checking,
    /// The file is encrypted: ask for its passcode or recovery key.
    Unlock(Arc<EncryptedBackup>),
    /// The file is fine: show what it holds and offer replace or merge.
    Ready(Arc<Backup>),
    /// "Replace everything here" was chosen: say what it would remove, and ask.
    ConfirmReplace(Arc<Backup>, Vec<String>),
    /// The restore happened.
    Done(String),
}

/// When the backup was made, in words; the file's own text if it can't be read as a time.
fn made_on(exported_at: &str) -> String {
    let ms = js_sys::Date::parse(exported_at);
    if ms.is_finite() {
        format!("Made on {}.", when_in_words(ms as i64))
    } else {
        format!("Made {exported_at}.")
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The words in a draft's data (its sections' text).
fn draft_words(data: &serde_json::Value) -> usize {
    data.get("sections")
        .and_then(|s| s.as_array())
        .map_or(0, |sections| {
            sections
                .iter()
                .filter_map(|s| s.get("text").and_then(|t| t.as_str()))
                .map(count_words)
                .sum()
        })
}

/// Ids of the entries in a journal's data.
fn entry_ids(data: Option<&serde_json::Value>) -> Vec<String> {
    data.and_then(|d| d.get("entries"))
        .and_then(|e| e.as_array())
        .map(|entries| {
            entries
                .iter()
                .filter_map(|e| e.get("id").and_then(|id| id.as_str()).map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// One line per thing that replacing would take away, in words ("3 reflections written here
/// that aren't in the backup will be removed"). Settings and what is only bookkeeping (the list
/// of assignments, unsent form text) are left out of the list.
fn replace_warnings(effects: &[ReplaceEffect], made_at: Option<i64>) -> Vec<String> {
    let mut lines = Vec::new();
    for effect in effects {
        let since = match (effect.here_saved_at, made_at) {
            (None, _) => " (changed here a moment ago)",
            (Some(here), Some(made)) if here > made => " (changed here after this backup was made)",
            _ => "",
        };
        let line = match (keys::classify(&effect.key), effect.change) {
            _ if effect.key == keys::ASSIGNMENTS || effect.key == keys::UNSENT => continue,
            (KeyClass::Record(RecordKind::Journal), _) => {
                let theirs = entry_ids(effect.backup.as_ref());
                let gone = entry_ids(Some(&effect.here))
                    .into_iter()
                    .filter(|id| !theirs.contains(id))
                    .count();
                if gone > 0 {
                    format!(
                        "{} written here that {} in the backup will be removed.",
                        plural(gone, "reflection", "reflections"),
                        if gone == 1 { "isn't" } else { "aren't" }
                    )
                } else {
                    format!("Your reflection journal will go back to the backup's copy{since}.")
                }
            }
            (KeyClass::Record(RecordKind::Draft), change) => {
                let words = plural(draft_words(&effect.here), "word", "words");
                match change {
                    ReplaceChange::Removed => {
                        format!("A draft with {words}, which isn't in the backup, will be removed.")
                    }
                    ReplaceChange::Replaced => format!(
                        "A draft with {words} here will go back to the backup's copy{since}."
                    ),
                }
            }
            (KeyClass::Record(RecordKind::History), ReplaceChange::Removed) => {
                "A draft's saved versions, which aren't in the backup, will be removed.".to_owned()
            }
            (KeyClass::Record(RecordKind::History), ReplaceChange::Replaced) => continue,
            (_, ReplaceChange::Removed) => {
                format!(
                    "{} will be removed{since}.",
                    capitalised(&describe(&effect.key))
                )
            }
            (_, ReplaceChange::Replaced) => format!(
                "{} will go back to the backup's copy{since}.",
                capitalised(&describe(&effect.key))
            ),
        };
        lines.push(line);
    }
    lines
}

/// What a finished restore did, in words.
fn restored_words(report: &RestoreReport) -> String {
    let mut parts = Vec::new();
    if !report.added.is_empty() {
        parts.push(format!(
            "{} added",
            plural(report.added.len(), "part", "parts")
        ));
    }
    if !report.replaced.is_empty() {
        parts.push(format!(
            "{} taken from the backup",
            plural(report.replaced.len(), "part", "parts")
        ));
    }
    if !report.kept_yours.is_empty() {
        parts.push(format!(
            "{} kept from this device because {} newer",
            plural(report.kept_yours.len(), "part", "parts"),
            if report.kept_yours.len() == 1 {
                "it was"
            } else {
                "they were"
            }
        ));
    }
    if !report.removed.is_empty() {
        parts.push(format!(
            "{} removed",
            plural(report.removed.len(), "part", "parts")
        ));
    }
    let mut text = if parts.is_empty() {
        "Restored. Everything already matched the backup.".to_string()
    } else {
        format!("Restored: {}.", parts.join(", "))
    };
    if !report.set_aside.is_empty() {
        text.push_str(
            " Where both had changed, the other version is kept below under \"Set aside\".",
        );
    }
    text
}

/// Restore from a backup file: checked completely first, then replace or merge.
#[component]
pub(super) fn Restore() -> impl IntoView {
    let records = expect_context::<Records>();
    let (step, set_step) = signal(RestoreStep::Choose);
    let (error, set_error) = signal(None::<String>);
    let (saved_current, set_saved_current) = signal(false);

    let on_file = move |event: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        set_error.set(None);
        if file.size() > MAX_BACKUP_BYTES as f64 {
            set_error.set(Some(format!(
                "That file is {}, which is far bigger than any Peer Study backup, so it can't be \
                 one. Nothing has been changed.",
                file_size(file.size() as u64)
            )));
            return;
        }
        set_step.set(RestoreStep::Checking);
        wasm_bindgen_futures::spawn_local(async move {
            let text = match JsFuture::from(file.text()).await {
                Ok(text) => text.as_string().unwrap_or_default(),
                Err(_) => {
                    set_error.set(Some(
                        "We couldn't read that file. Please try choosing it again. Nothing has \
                         been changed."
                            .into(),
                    ));
                    set_step.set(RestoreStep::Choose);
                    return;
                }
            };
            match read_backup_file(&text, now_ms()) {
                Ok(BackupFile::Plain(backup)) => {
                    set_saved_current.set(false);
                    set_step.set(RestoreStep::Ready(Arc::new(backup)));
                }
                Ok(BackupFile::Encrypted(encrypted)) => {
                    set_step.set(RestoreStep::Unlock(Arc::new(encrypted)));
                }
                Err(problem) => {
                    set_error.set(Some(problem.to_string()));
                    set_step.set(RestoreStep::Choose);
                }
            }
        });
    };

    // With the lock on, the copy of what is here is encrypted too.
    let lock = use_context::<LockControl>();
    let save_current_first = move |_| {
        let saved = make_backup(records, lock).and_then(|file| {
            download_text(&file.name, "application/json", &file.text).map_err(|e| e.to_string())
        });
        match saved {
            Ok(()) => set_saved_current.set(true),
            Err(problem) => set_error.set(Some(problem)),
        }
    };

    let opened = Callback::new(move |backup: Backup| {
        set_saved_current.set(false);
        set_step.set(RestoreStep::Ready(Arc::new(backup)));
    });

    let restore = move |backup: Arc<Backup>, replace: bool| match records.restore(&backup, replace)
    {
        Ok(report) => set_step.set(RestoreStep::Done(restored_words(&report))),
        // Its own sentence already says that nothing has been changed.
        Err(problem) => set_error.set(Some(problem.sentence())),
    };

    let ask_before_replacing = move |backup: Arc<Backup>| {
        let made_at = js_sys::Date::parse(&backup.summary.exported_at);
        let made_at = made_at.is_finite().then_some(made_at as i64);
        let warnings = replace_warnings(&records.replace_preview(&backup), made_at);
        set_step.set(RestoreStep::ConfirmReplace(backup, warnings));
    };

    let download_first = move || {
        view! {
            <div class="actions">
                <button type="button" on:click=save_current_first>
                    "First, download what's here now"
                </button>
            </div>
            <p class="status" role="status">
                {move || saved_current.get().then_some("A backup of what's here now is downloaded.")}
            </p>
        }
    };

    view! {
        <Card heading_id="restore-heading" title="Restore from a backup">
            <p>
                "Choose a backup file. We check all of it first and show you what it holds; "
                "nothing changes until you say so."
            </p>
            <label for="restore-file" class="field-label">"Backup file"</label>
            <input
                id="restore-file"
                type="file"
                accept=".json,application/json"
                on:change=on_file
                aria-describedby="restore-error"
            />
            <p id="restore-error" class="field-error" role="alert">
                {move || error.get()}
            </p>
            {move || match step.get() {
                RestoreStep::Choose => ().into_any(),
                RestoreStep::Checking => {
                    view! { <p role="status">"Checking the file…"</p> }.into_any()
                }
                RestoreStep::Unlock(encrypted) => {
                    view! { <OpenEncrypted backup=encrypted on_open=opened/> }.into_any()
                }
                RestoreStep::Done(text) => view! { <p role="status" class="success">{text}</p> }.into_any(),
                RestoreStep::Ready(backup) => {
                    let summary = &backup.summary;
                    let counts = summary
                        .counts
                        .iter()
                        .map(|(kind, n)| view! { <li>{summary_line(*kind, *n)}</li> })
                        .collect_view();
                    let empty = summary.is_empty();
                    let for_replace = backup.clone();
                    let for_merge = backup.clone();
                    view! {
                        <div class="restore-summary" role="status">
                            <h3>"What this backup holds"</h3>
                            <p>{made_on(&summary.exported_at)}</p>
                            <ul>{counts}</ul>
                            {empty.then(|| view! {
                                <p class="field-error">
                                    "This backup is empty: replacing would remove everything here."
                                </p>
                            })}
                        </div>
                        <p>
                            "Merging adds what's new and, where both changed, keeps the newer one "
                            "and sets the other aside. Replacing swaps everything on this device "
                            "for the backup; we'll say what that would remove before anything "
                            "changes."
                        </p>
                        {download_first()}
                        <div class="actions">
                            <button type="button" class="primary" on:click=move |_| restore(for_merge.clone(), false)>
                                "Merge with what's here"
                            </button>
                            <button type="button" on:click=move |_| ask_before_replacing(for_replace.clone())>
                                "Replace everything here"
                            </button>
                        </div>
                    }
                        .into_any()
                }
                RestoreStep::ConfirmReplace(backup, warnings) => {
                    let list = if warnings.is_empty() {
                        view! {
                            <p>"Nothing you have here would be lost: the backup holds all of it."</p>
                        }
                            .into_any()
                    } else {
                        let items = warnings
                            .into_iter()
                            .map(|line| view! { <li>{line}</li> })
                            .collect_view();
                        view! {
                            <p>"Replacing everything here with this backup means:"</p>
                            <ul class="replace-warnings">{items}</ul>
                        }
                            .into_any()
                    };
                    let for_replace = backup.clone();
                    let for_back = backup.clone();
                    view! {
                        <div class="restore-confirm" role="group" aria-labelledby="confirm-replace-heading">
                            <h3 id="confirm-replace-heading">"Replace everything here?"</h3>
                            {list}
                            <p>"Downloading what's here first keeps a copy you can restore later."</p>
                            {download_first()}
                            <div class="actions">
                                <button type="button" class="danger" on:click=move |_| restore(for_replace.clone(), true)>
                                    "Yes, replace everything"
                                </button>
                                <button type="button" on:click=move |_| set_step.set(RestoreStep::Ready(for_back.clone()))>
                                    "Go back"
                                </button>
                            </div>
                        </div>
                    }
                        .into_any()
                }
            }}
        </Card>
    }
}
