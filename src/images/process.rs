//! Pixel work on one photo: read its header, decode it, turn it upright, resize it, encode
//! it. Pure functions from bytes to bytes; no files are touched here.
//!
//! In: the bytes of a JPEG, PNG or WebP file. Out: its shown size ([`header`]), or JPEG and
//! WebP copies at the planned sizes ([`renditions`]) and a 1200×630 share crop
//! ([`share_crop`]). The encoders are given only pixels, so nothing of the source's
//! metadata (EXIF, GPS position, camera, ICC) reaches the output. Transparent areas are
//! laid on white, since JPEG has no transparency.

use super::{JPEG_QUALITY, SHARE_HEIGHT, SHARE_WIDTH, Size, WEBP_QUALITY};
use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{PixelType, ResizeOptions, Resizer};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageReader, RgbImage};
use rayon::prelude::*;
use std::io::Cursor;

/// A decoded photo as stored: its pixels on white, and how to turn it upright.
pub struct Decoded {
    pub pixels: RgbImage,
    pub orientation: Orientation,
}

/// One output size of a photo, encoded both ways.
pub struct Encoded {
    pub size: Size,
    pub jpeg: Vec<u8>,
    pub webp: Vec<u8>,
}

/// A decoder for `bytes` held to `limits`.
fn decoder(bytes: &[u8], limits: image::Limits) -> Result<impl ImageDecoder + '_, String> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    reader.limits(limits);
    if reader.format().is_none() {
        return Err("isinya bukan JPEG, PNG atau WebP".to_owned());
    }
    reader.into_decoder().map_err(|e| e.to_string())
}

/// Whether turning the photo upright swaps its width and height.
fn swaps(o: Orientation) -> bool {
    matches!(
        o,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// What a photo's header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// As shown (EXIF orientation applied).
    pub size: Size,
    /// What its pixels take in memory once decoded.
    pub decoded_bytes: u64,
}

/// The size the photo is shown at, and what decoding it would take, read from the header
/// only (no pixels are decoded). The pixel limits are left out here, so a photo past them
/// can be named with its size by [`super::limits::check`].
pub fn header(bytes: &[u8]) -> Result<Header, String> {
    let mut limits = super::limits::decoder_limits();
    limits.max_image_width = None;
    limits.max_image_height = None;
    let mut d = decoder(bytes, limits)?;
    let (width, height) = d.dimensions();
    let decoded_bytes = d.total_bytes();
    let o = d.orientation().unwrap_or(Orientation::NoTransforms);
    let size = if swaps(o) {
        Size {
            width: height,
            height: width,
        }
    } else {
        Size { width, height }
    };
    Ok(Header {
        size,
        decoded_bytes,
    })
}

/// Decodes every pixel. The orientation is kept aside: turning a 12-megapixel photo costs
/// more than turning its resized copies.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if !super::limits::whole(bytes) {
        return Err("berkasnya terpotong".to_owned());
    }
    let mut d = decoder(bytes, super::limits::decoder_limits())?;
    let orientation = d.orientation().unwrap_or(Orientation::NoTransforms);
    let image = DynamicImage::from_decoder(d).map_err(|e| e.to_string())?;
    Ok(Decoded {
        pixels: on_white(image),
        orientation,
    })
}

fn on_white(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    let (w, h) = rgba.dimensions();
    let mut out = RgbImage::new(w, h);
    for (dst, src) in out.pixels_mut().zip(rgba.pixels()) {
        let a = u16::from(src[3]);
        for c in 0..3 {
            // Round half up: c·a/255 + 255·(255−a)/255.
            let v = (u16::from(src[c]) * a + 255 * (255 - a) + 127) / 255;
            dst[c] = u8::try_from(v).unwrap_or(u8::MAX);
        }
    }
    out
}

/// `pixels` resized to `width`×`height` (Lanczos3), optionally keeping only the crop
/// rectangle (left, top, width, height) of the source.
fn resize(
    pixels: &RgbImage,
    width: u32,
    height: u32,
    crop: Option<(f64, f64, f64, f64)>,
) -> Result<RgbImage, String> {
    let (sw, sh) = pixels.dimensions();
    let src = ImageRef::new(sw, sh, pixels.as_raw(), PixelType::U8x3).map_err(|e| e.to_string())?;
    let mut dst = Image::new(width, height, PixelType::U8x3);
    let mut options = ResizeOptions::new();
    if let Some((left, top, w, h)) = crop {
        options = options.crop(left, top, w, h);
    }
    Resizer::new()
        .resize(&src, &mut dst, &options)
        .map_err(|e| e.to_string())?;
    RgbImage::from_raw(width, height, dst.into_vec())
        .ok_or_else(|| "ukuran hasil tidak cocok".to_owned())
}

fn upright(pixels: RgbImage, o: Orientation) -> RgbImage {
    if o == Orientation::NoTransforms {
        return pixels;
    }
    let mut image = DynamicImage::ImageRgb8(pixels);
    image.apply_orientation(o);
    image.into_rgb8()
}

/// Upright copies at `sizes` (shown sizes, from [`super::plan`]), largest first in the
/// result's order of `sizes`. Each is resized from the next larger one, which is faster
/// than starting from the full photo every time and looks the same.
pub fn ladder(photo: &Decoded, sizes: &[Size]) -> Result<Vec<(Size, RgbImage)>, String> {
    let mut order: Vec<Size> = sizes.to_vec();
    order.sort_by(|a, b| b.cmp(a));
    let turn = swaps(photo.orientation);
    let mut previous: Option<RgbImage> = None;
    let mut out = Vec::with_capacity(order.len());
    for size in order {
        let (w, h) = if turn {
            (size.height, size.width)
        } else {
            (size.width, size.height)
        };
        let from = previous.as_ref().unwrap_or(&photo.pixels);
        let stored = resize(from, w, h, None)?;
        out.push((size, upright(stored.clone(), photo.orientation)));
        previous = Some(stored);
    }
    out.sort_by_key(|(size, _)| *size);
    Ok(out)
}

pub fn jpeg(pixels: &RgbImage) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let (w, h) = pixels.dimensions();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
        .encode(pixels.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

pub fn webp(pixels: &RgbImage) -> Result<Vec<u8>, String> {
    let (w, h) = pixels.dimensions();
    webp::Encoder::from_rgb(pixels.as_raw(), w, h)
        .encode_simple(false, WEBP_QUALITY)
        .map(|m| m.to_vec())
        .map_err(|e| format!("WebP: {e:?}"))
}

/// Encodes each copy of a ladder as JPEG and WebP, in parallel (one big photo alone
/// still uses every core).
pub fn renditions(ladder: &[(Size, RgbImage)]) -> Result<Vec<Encoded>, String> {
    ladder
        .par_iter()
        .map(|(size, pixels)| {
            let (jpeg, webp) = rayon::join(|| jpeg(pixels), || webp(pixels));
            Ok(Encoded {
                size: *size,
                jpeg: jpeg?,
                webp: webp?,
            })
        })
        .collect()
}

/// The middle of an upright photo at 1200×630, as JPEG: the widest band of that shape
/// that fits, scaled (up when the photo is small) to exactly 1200×630.
pub fn share_crop(upright: &RgbImage) -> Result<Vec<u8>, String> {
    let (w, h) = upright.dimensions();
    let (w, h) = (f64::from(w), f64::from(h));
    let ratio = f64::from(SHARE_WIDTH) / f64::from(SHARE_HEIGHT);
    let (cw, ch) = if w / h > ratio {
        (h * ratio, h)
    } else {
        (w, w / ratio)
    };
    let crop = ((w - cw) / 2.0, (h - ch) / 2.0, cw, ch);
    jpeg(&resize(upright, SHARE_WIDTH, SHARE_HEIGHT, Some(crop))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Rgba;

    fn png(image: DynamicImage) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        image.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn transparency_lies_on_white() {
        let mut img = image::RgbaImage::new(2, 1);
        img.put_pixel(0, 0, Rgba([0, 0, 0, 0]));
        img.put_pixel(1, 0, Rgba([0, 0, 0, 128]));
        let d = decode(&png(DynamicImage::ImageRgba8(img))).unwrap();
        // Fully transparent black is white; half-transparent black is 255·127/255 = 127.
        assert_eq!(d.pixels.get_pixel(0, 0).0, [255, 255, 255]);
        assert_eq!(d.pixels.get_pixel(1, 0).0, [127, 127, 127]);
    }

    #[test]
    fn header_reads_size_without_pixels() {
        let bytes = png(DynamicImage::ImageRgb8(RgbImage::new(30, 20)));
        assert_eq!(
            header(&bytes).map(|h| h.size),
            Ok(Size {
                width: 30,
                height: 20
            })
        );
        assert!(header(b"bukan foto").is_err());
        // A truncated file still has its header; decoding it fails.
        assert!(decode(&bytes[..bytes.len() / 2]).is_err());
    }

    #[test]
    fn share_crop_is_1200_by_630_from_any_shape() {
        for (w, h) in [(400, 1000), (2000, 500), (120, 63)] {
            let jpg = share_crop(&RgbImage::new(w, h)).unwrap();
            let out = image::load_from_memory(&jpg).unwrap();
            assert_eq!((out.width(), out.height()), (1200, 630), "{w}×{h}");
        }
    }

    #[test]
    fn ladder_resizes_then_turns_upright() {
        // Stored 40×20 with "rotate 90°": shown 20×40, so a copy 10 wide is 10×20.
        let photo = Decoded {
            pixels: RgbImage::new(40, 20),
            orientation: Orientation::Rotate90,
        };
        let sizes = [
            Size {
                width: 10,
                height: 20,
            },
            Size {
                width: 20,
                height: 40,
            },
        ];
        let out = ladder(&photo, &sizes).unwrap();
        let dims: Vec<(u32, u32)> = out.iter().map(|(_, p)| p.dimensions()).collect();
        assert_eq!(dims, [(10, 20), (20, 40)]);
    }
}
