// pdfkit 0.20 ships no type declarations; the test helpers use it as an untyped builder.
declare module "pdfkit";
