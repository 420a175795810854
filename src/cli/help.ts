import { Help, type Command } from "commander";

/** Commander's help headings are English; translate them, keep its layout. */
export function frenchHelp(command: Command): void {
  command.configureHelp({
    formatHelp(cmd: Command, helper: Help): string {
      return Help.prototype.formatHelp
        .call(helper, cmd, helper)
        .replace(/^Usage:/m, "Utilisation :")
        .replace(/^Arguments:/m, "Arguments :")
        .replace(/^Options:/m, "Options :")
        .replace(/^Commands:/m, "Commandes :")
        .replace(/\(default:\s+/g, "(par défaut : ")
        .replace(/\(choices:\s+/g, "(choix : ");
    },
  });
  command.helpOption("-h, --help", "affiche cette aide");
}
