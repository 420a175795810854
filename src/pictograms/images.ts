import type { PictureImage } from "./types.js";

/**
 * Pictures as they come: PNG, JPEG or GIF files are used as they are (their size read from their
 * header); an SVG goes in as it is too, with a PNG made from it for Word, which needs one.
 */

/** Width of the PNG made from an SVG: about 300 dpi at 2.5 cm, sharp in print. */
export const RASTER_WIDTH = 300;

export type ImageType = PictureImage["type"];

/** The format of a file, from its first bytes (a file named .png may be a JPEG). */
export function sniffImage(data: Uint8Array): ImageType | undefined {
  if (data.length >= 8 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) return "png";
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return "jpg";
  if (data.length >= 6 && data[0] === 0x47 && data[1] === 0x49 && data[2] === 0x46) return "gif";
  const head = new TextDecoder("utf-8", { fatal: false }).decode(data.subarray(0, 2048)).replace(/^\uFEFF/, "");
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(head)) return "svg";
  return undefined;
}

/** Pixel size from a PNG, JPEG or GIF header; undefined when the header cannot be read. */
export function rasterSize(data: Uint8Array, type: "png" | "jpg" | "gif"): { width: number; height: number } | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (type === "png") return data.length >= 24 ? positive(view.getUint32(16), view.getUint32(20)) : undefined;
  if (type === "gif") return data.length >= 10 ? positive(view.getUint16(6, true), view.getUint16(8, true)) : undefined;
  // JPEG: walk the segments to the frame header (SOF0…SOF15, except DHT, JPG and DAC).
  let at = 2;
  while (at + 9 < data.length) {
    if (data[at] !== 0xff) return undefined;
    const marker = data[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = view.getUint16(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return positive(view.getUint16(at + 7), view.getUint16(at + 5));
    }
    at += 2 + length;
  }
  return undefined;
}

function positive(width: number, height: number): { width: number; height: number } | undefined {
  return width > 0 && height > 0 ? { width, height } : undefined;
}

type ResvgModule = typeof import("@resvg/resvg-js");
let resvg: Promise<ResvgModule> | undefined;

/** An SVG with its PNG rendering. Text in the drawing uses the system's fonts only when there is some. */
export async function svgPicture(svg: Uint8Array | string): Promise<PictureImage> {
  const text = typeof svg === "string" ? svg : new TextDecoder().decode(svg);
  // Loaded on demand: a conversion without pictures never pays for the native module.
  resvg ??= import("@resvg/resvg-js");
  const { Resvg } = await resvg;
  const renderer = new Resvg(text, { fitTo: { mode: "width", value: RASTER_WIDTH }, font: { loadSystemFonts: /<text[\s>]/.test(text) } });
  const rendered = renderer.render();
  const png = new Uint8Array(rendered.asPng());
  return { type: "svg", data: new TextEncoder().encode(text), fallback: png, width: rendered.width, height: rendered.height };
}

/** A picture from a file's bytes, or undefined when it is no PNG, JPEG, GIF or SVG that can be read. */
export async function pictureFromBytes(data: Uint8Array): Promise<PictureImage | undefined> {
  const type = sniffImage(data);
  if (type === undefined || type === "bmp") return undefined;
  if (type === "svg") {
    try {
      return await svgPicture(data);
    } catch {
      return undefined;
    }
  }
  const size = rasterSize(data, type);
  return size ? { type, data, ...size } : undefined;
}
