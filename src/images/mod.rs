//! Images of the site: photos from content/ made light for slow phones, and the share
//! previews (og:image) of every page.
//!
//! In the load stage, [`measure`] reads each photo the content names once, to learn its
//! content hash and its size (from the cache, else from the file's header; nothing is
//! decoded). While pages are rendered, the [`queue::Queue`] names every output file from
//! those measurements, so pages give every `<img>` its width and height, and collects the
//! share cards composed as SVG. After rendering, [`run::process`] makes the queued files
//! in parallel, taking whatever it can from the [`cache`], and returns them as output files.
//!
//! Every output name carries [`key`], a hash of the source bytes and [`SETTINGS`]: a changed
//! photo or changed settings give new names, so browsers and share previews never show a
//! stale copy, and an unchanged photo is found in the cache without being decoded.

pub mod board;
pub mod cache;
pub mod fonts;
pub mod limits;
pub mod measure;
pub mod process;
pub mod queue;
pub mod run;
pub mod share;
pub mod vector;

/// Everything that changes the bytes of an output image. Change it whenever the processing
/// changes, so cached files made the old way are not reused.
pub const SETTINGS: &str =
    "papan-gambar-1;lebar=480,960,1600;jpeg=78;webp=75;lanczos3;putih;bagikan=1200x630;noto-sans";

/// The widths a photo is offered at; a browser picks one from `srcset`.
pub const WIDTHS: [u32; 3] = [480, 960, 1600];
/// The width shown by browsers that ignore `srcset`, and by Markdown bodies.
pub const DEFAULT_WIDTH: u32 = 960;
pub const JPEG_QUALITY: u8 = 78;
pub const WEBP_QUALITY: f32 = 75.0;
/// Share previews: the size WhatsApp, Facebook and X show best.
pub const SHARE_WIDTH: u32 = 1200;
pub const SHARE_HEIGHT: u32 = 630;
/// Photos bigger than this are worth shrinking before they go into the site's folder.
pub const LARGE_SOURCE_BYTES: u64 = 10 * 1024 * 1024;

/// The width and height of an image, in pixels, as it is shown (after EXIF orientation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

/// The first 10 hex characters of the BLAKE3 hash of `bytes` followed by [`SETTINGS`].
pub fn key(bytes: &[u8]) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(bytes);
    hasher.update(SETTINGS.as_bytes());
    hasher.finalize().to_hex()[..10].to_owned()
}

/// The longest side a WebP file can have.
pub const WEBP_MAX_SIDE: u32 = 16_383;

/// The sizes a photo of `source` size is made at, smallest first. Never larger than the
/// source: a width the source does not reach is skipped, and a source narrower than the
/// largest width also gets one copy at its own width (unless a listed width equals it).
/// No copy is taller than WebP allows: a long screenshot (1080×18000) gets its top copy
/// at the widest width that keeps it within [`WEBP_MAX_SIDE`].
pub fn plan(source: Size) -> Vec<Size> {
    let Size { width, height } = source;
    if width == 0 || height == 0 {
        return Vec::new();
    }
    let top = width.min(widest_within_webp(source));
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|&w| w <= top).collect();
    let largest = WIDTHS[WIDTHS.len() - 1];
    if top < largest && !widths.contains(&top) {
        widths.push(top);
    }
    widths
        .into_iter()
        .map(|w| Size {
            width: w,
            height: scaled_height(source, w),
        })
        .collect()
}

/// The widest copy of `source` whose height stays within [`WEBP_MAX_SIDE`] (at least 1).
fn widest_within_webp(source: Size) -> u32 {
    let max = u64::from(WEBP_MAX_SIDE);
    // An estimate one above the answer, then down until the rounded height fits.
    let estimate = (max * u64::from(source.width)) / u64::from(source.height) + 1;
    let mut w = u32::try_from(estimate).unwrap_or(u32::MAX);
    while w > 1 && scaled_height(source, w) > WEBP_MAX_SIDE {
        w -= 1;
    }
    w
}

/// The height that keeps the source's proportions at width `w`, rounded to the nearest
/// pixel and never 0.
fn scaled_height(source: Size, w: u32) -> u32 {
    let h = (u64::from(source.height) * u64::from(w) * 2 + u64::from(source.width))
        / (u64::from(source.width) * 2);
    u32::try_from(h).unwrap_or(u32::MAX).max(1)
}

/// A file name part made from a photo's name: `Foto Jalan 1.JPG` → `foto-jalan-1`. Output
/// names end up in `srcset`, where spaces and commas would break the list.
pub fn stem(resolved: &str) -> String {
    let name = resolved.rsplit('/').next().unwrap_or(resolved);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    match slug::slugify(stem) {
        s if s.is_empty() => "foto".to_owned(),
        s => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(width: u32, height: u32) -> Size {
        Size { width, height }
    }

    #[test]
    fn plan_never_upscales() {
        // 4000×3000: all three widths; 3000 × 480/4000 = 360, × 960/4000 = 720, × 1600/4000 = 1200.
        assert_eq!(
            plan(size(4000, 3000)),
            [size(480, 360), size(960, 720), size(1600, 1200)]
        );
        // 1200×900: 1600 is out of reach, so the photo's own width is added.
        assert_eq!(
            plan(size(1200, 900)),
            [size(480, 360), size(960, 720), size(1200, 900)]
        );
        // Exactly 960 wide: no extra copy at its own width.
        assert_eq!(plan(size(960, 640)), [size(480, 320), size(960, 640)]);
        // Narrower than every width: one copy, as it is.
        assert_eq!(plan(size(300, 200)), [size(300, 200)]);
        // Portrait 3024×4032 (a phone turned upright): 4032 × 480/3024 = 640.
        assert_eq!(plan(size(3024, 4032))[0], size(480, 640));
        // 1601 wide: 1600 fits; 1000 × 1600/1601 = 999.4 rounds to 999.
        assert_eq!(plan(size(1601, 1000))[2], size(1600, 999));
        // A sliver never gets height 0.
        assert_eq!(plan(size(5000, 1))[0], size(480, 1));
        assert!(plan(size(0, 10)).is_empty());
    }

    #[test]
    fn long_screenshots_stay_within_webp() {
        // 1080×18000: 18000 × 480/1080 = 8000, × 960/1080 = 16000; its own width would be
        // 18000 tall, past 16383. At 983: 18000 × 983/1080 = 16383.3 → 16383; at 984:
        // 16400, too tall. So the top copy is 983×16383.
        assert_eq!(
            plan(size(1080, 18000)),
            [size(480, 8000), size(960, 16000), size(983, 16383)]
        );
        // 2000×40000: 480 → 9600 fits; 960 → 19200 does not. 16383 × 2000/40000 = 819.15;
        // 819 → 16380, 820 → 16400. So 480 and 819.
        assert_eq!(plan(size(2000, 40000)), [size(480, 9600), size(819, 16380)]);
        // Exactly 16383 tall at its own width: unchanged.
        assert_eq!(plan(size(900, 16383)).last(), Some(&size(900, 16383)));
    }

    #[test]
    fn keys_follow_bytes_and_settings() {
        let a = key(b"foto");
        assert_eq!(a.len(), 10);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(a, key(b"foto"));
        assert_ne!(a, key(b"foto "));
        // The settings are part of the hash: the hash of the bytes alone differs.
        assert_ne!(a, blake3::hash(b"foto").to_hex()[..10].to_owned());
    }

    #[test]
    fn stems_are_safe_in_srcset() {
        assert_eq!(stem("foto/Foto Jalan, 1.JPG"), "foto-jalan-1");
        assert_eq!(stem("foto/2025/jalan.jpg"), "jalan");
        assert_eq!(stem("foto/!!!.png"), "foto");
    }
}
