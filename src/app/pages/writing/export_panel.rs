//! Export and print: the draft as a Word document, Markdown or plain text (downloaded, or shared
//! through the phone's share sheet where offered), and printing through the print stylesheet.
//!
//! The files are written by the domain's writers; this panel only gathers what goes on the title
//! line (the trainee's name if they give one, and the course) and hands the bytes over.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::clock::today;
use crate::app::file_out::{download_saying, share, share_sheet_available, ShareOutcome};
use crate::app::form::{Checkbox, Field, StatusLine};
use crate::app::page::Card;
use crate::app::pages::writing::draft_state::DraftState;
use crate::domain::assignment::Assignment;
use crate::domain::export::{export, ExportDocument, ExportFormat, ExportedFile};
use crate::domain::profile::{Profile, ProfileError};

/// The root class the print stylesheet reads for double line spacing.
pub const DOUBLE_SPACING_CLASS: &str = "print-double-spacing";

/// A short name for a format in messages: "Word document", "Markdown file", "plain text file".
fn format_noun(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Docx => "Word document",
        ExportFormat::Markdown => "Markdown file",
        ExportFormat::PlainText => "plain text file",
    }
}

/// What happened, for the status line.
fn exported_note(
    file: &ExportedFile,
    format: ExportFormat,
    has_text: bool,
    shared: bool,
) -> String {
    let noun = format_noun(format);
    let action = if shared {
        format!("Your {noun} {} is ready to share.", file.filename)
    } else {
        format!("Your {noun} {} is saved to your downloads.", file.filename)
    };
    if has_text {
        action
    } else {
        format!(
            "{action} There are no words in this draft yet, so it holds the outline and a short \
             note."
        )
    }
}

/// The name and course fields for the title line; each is saved when the trainee leaves it.
#[component]
fn ProfileFields(
    /// The profile record.
    profile: RwSignal<Profile>,
) -> impl IntoView {
    let initial = profile.get_untracked();
    let name = RwSignal::new(initial.trainee_name.clone().unwrap_or_default());
    let course = RwSignal::new(initial.course_name().to_string());
    let name_error = RwSignal::new(None::<String>);
    let course_error = RwSignal::new(None::<String>);
    // Saves what one field holds, or shows why it can't be saved (and keeps it as typed).
    let save = move |field: RwSignal<String>,
                     error: RwSignal<Option<String>>,
                     set: fn(&mut Profile, &str) -> Result<(), ProfileError>| {
        Callback::new(move |()| {
            let result = profile
                .try_update(|p| set(p, &field.read_untracked()))
                .unwrap_or(Ok(()));
            error.set(result.err().map(|e| e.to_string()));
        })
    };
    // Saved as typed, like everywhere else a trainee types: saving only on leaving the field
    // lost a name typed just before a reload. The first run only starts the tracking.
    let save_name = save(name, name_error, Profile::set_trainee_name);
    let save_course = save(course, course_error, Profile::set_course_name);
    Effect::new(move |started: Option<()>| {
        name.track();
        if started.is_some() {
            save_name.run(());
        }
    });
    Effect::new(move |started: Option<()>| {
        course.track();
        if started.is_some() {
            save_course.run(());
        }
    });
    view! {
        <Field
            id="export-name"
            label="Your name on the document (optional)"
            value=name
            autocomplete="name"
            error=name_error
            on_change=save_name
        />
        <Field
            id="export-course"
            label="Course name"
            value=course
            error=course_error
            on_change=save_course
        />
    }
}

/// Export buttons, the share sheet where offered, and print.
#[component]
pub fn ExportPanel(
    /// The open draft.
    state: DraftState,
    /// The assignment it belongs to.
    assignment: Memo<Option<Assignment>>,
    /// The trainee's profile (name, course, print spacing).
    profile: RwSignal<Profile>,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let can_share = share_sheet_available();

    // Build the file from what is stored right now.
    let build = move |format: ExportFormat| {
        let date = today();
        assignment.with_untracked(|assignment| {
            let assignment = assignment.as_ref()?;
            state.draft.with_untracked(|draft| {
                profile.with_untracked(|p| {
                    let doc = ExportDocument::new(
                        assignment,
                        draft,
                        p.trainee_name(),
                        p.course_name(),
                        date,
                    )
                    .keeping_empty_sections(p.export_keeps_outline);
                    Some((
                        export(&doc, format),
                        doc.has_text(),
                        assignment.title.clone(),
                    ))
                })
            })
        })
    };

    let on_download = move |format: ExportFormat| {
        let Some((file, has_text, _)) = build(format) else {
            return;
        };
        status.set(download_saying(file, |file| {
            exported_note(file, format, has_text, false)
        }));
    };

    let on_share = move |format: ExportFormat| {
        let Some((file, has_text, title)) = build(format) else {
            return;
        };
        let file = match file {
            Ok(file) => file,
            Err(e) => return status.set(e.to_string()),
        };
        match share(&file, &title) {
            Ok(done) => spawn_local(async move {
                match done.await {
                    ShareOutcome::Shared => {
                        status.set(exported_note(&file, format, has_text, true))
                    }
                    ShareOutcome::Cancelled => {
                        status.set("Sharing was closed; nothing was sent.".to_string())
                    }
                }
            }),
            Err(e) => status.set(e.to_string()),
        }
    };

    // Double spacing for print is a class on the root, where the print stylesheet sees it.
    Effect::new(move |_| {
        let double = profile.with(|p| p.print_double_spacing);
        if let Some(root) = document().document_element() {
            let _ = root
                .class_list()
                .toggle_with_force(DOUBLE_SPACING_CLASS, double);
        }
    });
    on_cleanup(|| {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().remove_1(DOUBLE_SPACING_CLASS);
        }
    });

    let on_print = move |_| {
        if window().print().is_err() {
            status.set("This browser could not open printing. Try its own Print menu.".to_string());
        }
    };

    view! {
        <Card heading_id="export-heading" title="Export and print" class="export-panel">
            <p>
                "Make a copy of your draft to hand in or keep. Files are made on this device and "
                "go only where you send them."
            </p>
            <ProfileFields profile/>
            <Checkbox
                id="export-keep-outline"
                label="Include headings of sections I haven't written yet"
                checked=Signal::derive(move || profile.with(|p| p.export_keeps_outline))
                on_change=Callback::new(move |on| profile.update(|p| p.export_keeps_outline = on))
            />
            <div class="export-buttons">
                {ExportFormat::ALL
                    .into_iter()
                    .map(|format| {
                        let share_button = can_share.then(|| view! {
                            <button type="button" class="button" on:click=move |_| on_share(format)>
                                {format!("Share {}…", format_noun(format))}
                            </button>
                        });
                        view! {
                            <div class="export-format">
                                <button
                                    type="button"
                                    class="button primary"
                                    on:click=move |_| on_download(format)
                                >
                                    {format!("Download {}", format.label())}
                                </button>
                                {share_button}
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
            <div class="print-options">
                <Checkbox
                    id="print-double"
                    label="Double line spacing when printing"
                    checked=Signal::derive(move || profile.with(|p| p.print_double_spacing))
                    on_change=Callback::new(move |on| profile.update(|p| p.print_double_spacing = on))
                />
                <button type="button" class="button" on:click=on_print>
                    "Print or save as PDF"
                </button>
            </div>
            <StatusLine text=status/>
        </Card>
    }
}
