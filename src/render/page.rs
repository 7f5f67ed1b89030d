//! Free pages: `halaman/SLUG/index.html` for each `content/halaman/SLUG.md`.
//!
//! In: the checked pages. Out: one page each, its Markdown rendered and sanitized, its
//! photos queued. The menu entries come from [`super::AREAS`].

use crate::compute::Model;
use crate::render::renderer::Renderer;
use serde::Serialize;

#[derive(Serialize)]
struct HalamanView {
    judul: String,
    isi: String,
}

#[derive(Serialize)]
struct Extra {
    halaman: HalamanView,
}

pub fn render(r: &mut Renderer, model: &Model) {
    for h in &model.site.pages {
        let description = h
            .ringkasan
            .clone()
            .unwrap_or_else(|| crate::markdown::excerpt(&h.body, 160));
        let page = r.page_view(&h.path(), h.judul.clone(), description);
        let isi = crate::markdown::to_html(&h.body, &mut |src| {
            h.body_photos
                .get(src)
                .map(|p| r.photo(&page, p, "").body_image())
        });
        let halaman = HalamanView {
            judul: h.judul.clone(),
            isi,
        };
        r.page("halaman.html", &page, Extra { halaman });
    }
}
