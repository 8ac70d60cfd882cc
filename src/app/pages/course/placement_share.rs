//! "For your peer supervisor": the placement log as a Word document or printed (or saved as a
//! PDF from the print dialogue), through the same writers as the assignments, with a line for the
//! supervisor's name.
//!
//! Printing puts a plain copy of the log (headings and paragraphs, as text) at the end of the
//! page and marks the root so the print stylesheet shows only that copy; it is replaced at the
//! next print and removed when the page goes.

use leptos::prelude::*;

use crate::app::clock::today;
use crate::app::file_out::download_saying;
use crate::app::form::StatusLine;
use crate::app::pages::writing::print_view::fill_print_view;
use crate::app::records::use_record;
use crate::domain::export::{export, ExportDocument, ExportFormat};
use crate::domain::placement_export::{placement_sections, PLACEMENT_TITLE};
use crate::storage::record_names::{PLACEMENT, PROFILE};

/// The root class the print stylesheet reads to print only the placement log.
const PRINTING_CLASS: &str = "printing-placement";
/// The printable copy's id.
const PRINT_COPY_ID: &str = "placement-print";

/// Takes the printable copy and the root class away again.
fn clear_print_copy() {
    if let Some(copy) = document().get_element_by_id(PRINT_COPY_ID) {
        copy.remove();
    }
    if let Some(root) = document().document_element() {
        let _ = root.class_list().remove_1(PRINTING_CLASS);
    }
}

/// The export and print buttons for the placement log.
#[component]
pub fn PlacementShare() -> impl IntoView {
    let log = use_record(PLACEMENT);
    let profile = use_record(PROFILE);
    let status = RwSignal::new(String::new());

    // Runs `write` with the log laid out as a document, as it is now.
    let with_document = move |write: &dyn Fn(&ExportDocument<'_>)| {
        let sections = log.with_untracked(placement_sections);
        profile.with_untracked(|p| {
            write(&ExportDocument {
                title: PLACEMENT_TITLE,
                trainee_name: p.trainee_name(),
                course_name: p.course_name(),
                date: today(),
                sections: &sections,
                // The supervisor's copy shows every part of the log, written or not.
                keep_empty_sections: true,
            })
        });
    };

    let on_docx = move |_| {
        with_document(&|doc| {
            status.set(download_saying(export(doc, ExportFormat::Docx), |_| {
                "Your placement log is ready as a Word document, with a line for your peer \
                 supervisor's name."
                    .to_string()
            }));
        });
    };

    let on_print = move |_| {
        clear_print_copy();
        let Ok(copy) = document().create_element("div") else {
            return;
        };
        copy.set_id(PRINT_COPY_ID);
        copy.set_class_name("print-view placement-print");
        with_document(&|doc| fill_print_view(&copy, doc));
        let Some(body) = document().body() else {
            return;
        };
        let _ = body.append_child(&copy);
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1(PRINTING_CLASS);
        }
        // The copy stays until the next print or leaving the page: some browsers return from
        // print() before the dialogue has read the page.
        if window().print().is_err() {
            clear_print_copy();
            status.set("This browser could not open printing. Try its own Print menu.".to_string());
        }
    };
    on_cleanup(clear_print_copy);

    view! {
        <section class="card" aria-labelledby="placement-share-heading">
            <h2 id="placement-share-heading">"For your peer supervisor"</h2>
            <p>
                "Your log as a document: the time you spent, each setting, what you observed and "
                "what you learned, with a line for your peer supervisor to write their name."
            </p>
            <div class="actions">
                <button type="button" class="button" on:click=on_docx>
                    "Download as a Word document"
                </button>
                <button type="button" class="button quiet" on:click=on_print>
                    "Print or save as PDF"
                </button>
            </div>
            <StatusLine text=status/>
        </section>
    }
}
