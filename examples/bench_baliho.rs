//! How long the notice board (baliho) of each budget year takes: the SVG from the computed
//! model, then its PNG and PDF as a build makes them (PNG and PDF in parallel), without the cache. Run through `scripts/bench-baliho.sh`.
//!
//! In: a site folder (default: the sample village) and a number of rounds. Out: per year,
//! the median time of each step and of the three files together, and the file sizes.

#![allow(clippy::unwrap_used, clippy::print_stdout)]

use papan::baliho::layout;
use papan::diagnostic::Diagnostics;
use papan::images::vector as convert;
use papan::render::budget::baliho as view;
use papan::render::view::SiteView;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let root = std::path::PathBuf::from(args.next().unwrap_or_else(|| ".".to_owned()));
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(15);
    let mut diags = Diagnostics::new();
    let site = papan::site::load(&root, &mut diags).expect("the site loads");
    let sv = SiteView::new(&site.desa);
    let address = site.desa.base_url.clone();
    // Warm the fonts once, as a build does before the first board.
    let _ = convert::tree(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"><text>a</text></svg>",
    );
    println!("tahun | svg | parse | png | pdf | tiga berkas | png KB | pdf KB");
    let model = papan::compute::compute(&site);
    for year in &model.years {
        let budget = year.budget;
        let page = address
            .as_ref()
            .map(|b| format!("{b}anggaran/{}/", budget.tahun));
        let village = view::Village {
            nama_lengkap: &sv.nama_lengkap,
            wilayah: &sv.wilayah,
            alamat_pengaduan: sv.alamat_pengaduan.as_deref(),
            alamat_halaman: page.as_deref(),
            contoh: sv.contoh,
        };
        let (mut t_svg, mut t_parse, mut t_png, mut t_pdf, mut t_all) =
            (vec![], vec![], vec![], vec![], vec![]);
        let (mut png_len, mut pdf_len) = (0, 0);
        for _ in 0..rounds {
            let start = Instant::now();
            let board = view::board(year, village, None);
            let svg = layout::svg(&board);
            t_svg.push(start.elapsed());
            let s = Instant::now();
            let tree = convert::tree(&svg).unwrap();
            t_parse.push(s.elapsed());
            let s = Instant::now();
            png_len = convert::png(&tree).unwrap().len();
            t_png.push(s.elapsed());
            let s = Instant::now();
            pdf_len = convert::pdf(&svg, "APBDes").unwrap().len();
            t_pdf.push(s.elapsed());
            // As a build does it: one parse, PNG and PDF side by side.
            let s = Instant::now();
            let board = view::board(year, village, None);
            let svg = layout::svg(&board);
            let tree = convert::tree(&svg).unwrap();
            let (a, b) = rayon::join(|| convert::png(&tree), || convert::pdf(&svg, "APBDes"));
            assert!(a.is_ok() && b.is_ok());
            t_all.push(s.elapsed());
        }
        println!(
            "{} | {} | {} | {} | {} | {} | {} | {}",
            budget.tahun,
            ms(median(t_svg)),
            ms(median(t_parse)),
            ms(median(t_png)),
            ms(median(t_pdf)),
            ms(median(t_all)),
            png_len / 1024,
            pdf_len / 1024
        );
    }
}
