/**
 * The registry of diagnostic rules: every message the validator can emit has one entry here, and each entry
 * has a documentation page on the site (`/regles/<id>/`, generated from this list).
 */
export type Severity = 'error' | 'warning';

export interface Rule {
  /** Stable rule id, kebab-case. */
  id: string;
  severity: Severity;
  /** One-line summary, in French. */
  title: string;
  /** What the rule checks and how to fix a report, in French (Markdown). */
  help: string;
}

const defineRules = <const T extends readonly Rule[]>(rules: T) => rules;

export const RULES = defineRules([
  { id: 'encoding-invalid', severity: 'error', title: 'Fichier non encodé en UTF-8',
    help: 'Les fichiers de contenu sont en UTF-8. Réenregistrez le fichier en UTF-8 ; la position indique le premier octet invalide.' },
  { id: 'frontmatter-invalid', severity: 'error', title: 'En-tête YAML invalide',
    help: "L'en-tête (front matter) d'un chapitre est un objet YAML entre deux lignes `---`, avec au moins `title`." },
  { id: 'edition-missing', severity: 'error', title: "Fichier `edition.yml` absent",
    help: 'Chaque dossier d’édition contient un fichier `edition.yml` qui décrit l’édition.' },
  { id: 'edition-invalid', severity: 'error', title: "Métadonnées d'édition invalides",
    help: "`edition.yml` respecte le schéma `edition-source` : nom (l'année, identique au dossier), statut, date de publication, base légale, retraits." },
  { id: 'vocabulary-invalid', severity: 'error', title: 'Vocabulaire invalide',
    help: '`vocabulaires.yml` déclare les référentiels, cibles, socles et normes ; chaque identifiant est unique.' },
  { id: 'file-name-invalid', severity: 'error', title: 'Nom de fichier invalide',
    help: 'Les noms de dossiers et de fichiers deviennent des URL : minuscules ASCII, chiffres et tirets, extension `.md`.' },
  { id: 'file-name-reserved', severity: 'error', title: 'Nom de page réservé',
    help: 'À la racine d’une édition, les noms `exigences`, `explorateur`, `imprimer`, `nouveautes` et `socles` sont ceux des pages que le site construit pour chaque édition (permanentes, explorateur, version imprimable, nouveautés, services socles). Donnez un autre nom au fichier.' },
  { id: 'referentiel-unknown', severity: 'error', title: 'Dossier de référentiel inconnu',
    help: 'Un chapitre est rangé dans le dossier d’un référentiel déclaré dans `vocabulaires.yml`.' },
  { id: 'exigence-outside-referentiel', severity: 'error', title: 'Exigence hors référentiel',
    help: "Les exigences se trouvent dans les chapitres d'un référentiel, pas sur l'accueil d'une édition ni dans le glossaire." },
  { id: 'id-missing', severity: 'error', title: 'Identifiant absent',
    help: 'Chaque exigence porte un identifiant : `{#INT-IDA-01 …}`.' },
  { id: 'id-malformed', severity: 'error', title: 'Identifiant mal formé',
    help: 'Un identifiant suit la grammaire `<RÉF>-<DOMAINE>-<NN>` en majuscules ASCII, par exemple `INT-IDA-01`.' },
  { id: 'id-duplicate', severity: 'error', title: 'Identifiant en double',
    help: "Un identifiant n'apparaît qu'une fois par édition. Le doublon est signalé à sa deuxième occurrence, avec la position de la première." },
  { id: 'id-retired-reused', severity: 'error', title: 'Identifiant retiré réutilisé',
    help: "Un identifiant retiré ne sert plus jamais : donnez un nouvel identifiant à l'exigence." },
  { id: 'id-disappeared', severity: 'error', title: 'Identifiant disparu sans retrait',
    help: "Une exigence de l'édition précédente est soit présente dans l'édition, soit déclarée dans `retraits` de `edition.yml`, avec ses successeurs." },
  { id: 'title-missing', severity: 'error', title: "Titre d'exigence absent",
    help: "Le titre court d'une exigence est écrit entre crochets : `:::exigence[Titre]{…}`." },
  { id: 'niveau-missing', severity: 'error', title: 'Niveau absent',
    help: '`niveau` est obligatoire : `obligatoire` ou `recommandé`.' },
  { id: 'niveau-unknown', severity: 'error', title: 'Niveau inconnu',
    help: '`niveau` vaut `obligatoire` ou `recommandé`.' },
  { id: 'cibles-missing', severity: 'error', title: 'Cibles absentes',
    help: '`cibles` est obligatoire : une ou plusieurs cibles du vocabulaire, séparées par des virgules.' },
  { id: 'cible-unknown', severity: 'error', title: 'Cible inconnue',
    help: 'Chaque valeur de `cibles` est déclarée dans `vocabulaires.yml`.' },
  { id: 'socle-unknown', severity: 'error', title: 'Service socle inconnu',
    help: 'Chaque valeur de `socles` est déclarée dans `vocabulaires.yml`.' },
  { id: 'norme-unknown', severity: 'error', title: 'Norme inconnue',
    help: 'Chaque valeur de `normes` est déclarée dans `vocabulaires.yml`.' },
  { id: 'value-duplicate', severity: 'warning', title: 'Valeur répétée',
    help: 'Une même valeur apparaît deux fois dans une liste (`cibles`, `socles`, `normes`, `remplace`).' },
  { id: 'echeance-invalid', severity: 'error', title: 'Échéance invalide',
    help: '`echeance` est une date ISO `AAAA-MM-JJ` qui existe au calendrier.' },
  { id: 'remplace-invalid', severity: 'error', title: 'Lignée `remplace` invalide',
    help: "`remplace` cite des identifiants bien formés, retirés dans cette édition ou une précédente, et jamais l'exigence elle-même." },
  { id: 'attribute-unknown', severity: 'error', title: 'Attribut inconnu',
    help: 'Attributs permis : `#id`, `niveau`, `cibles`, `socles`, `normes`, `echeance`, `remplace`.' },
  { id: 'exigence-nested', severity: 'error', title: 'Exigence imbriquée',
    help: 'Une exigence ne contient pas une autre exigence : fermez la première avant d’ouvrir la suivante.' },
  { id: 'exigence-empty', severity: 'error', title: 'Exigence vide',
    help: "Une exigence contient un énoncé : au moins un paragraphe entre l'ouverture et la fermeture `:::`." },
  { id: 'directive-unclosed', severity: 'error', title: 'Directive non fermée',
    help: 'Une directive `:::` ouverte sans ligne de fermeture avale la suite du fichier. Ajoutez la ligne `:::` qui la termine.' },
  { id: 'directive-unknown', severity: 'error', title: 'Directive inconnue',
    help: 'Directives de bloc permises : `exigence`, `terme` (glossaire) et les encadrés `note`, `tip`, `caution`, `danger`.' },
  { id: 'reference-unresolved', severity: 'error', title: "Référence d'exigence introuvable",
    help: "`:exigence[ID]` cite une exigence de la même édition." },
  { id: 'terme-invalid', severity: 'error', title: 'Terme de glossaire invalide',
    help: 'Un terme du glossaire s’écrit `:::terme[Libellé]{#id}` dans `glossaire.md`, avec un id en minuscules unique.' },
  { id: 'terme-unresolved', severity: 'error', title: 'Terme de glossaire introuvable',
    help: '`:terme[mots]{#id}` cite un terme défini dans le glossaire de la même édition.' },
  { id: 'retrait-invalid', severity: 'error', title: 'Retrait invalide',
    help: "Un identifiant retiré existait dans l'édition précédente et n'existe plus ; ses successeurs existent dans l'édition." },
  { id: 'edition-frozen', severity: 'error', title: 'Édition publiée modifiée',
    help: "Une édition publiée (statut `en-vigueur` ou `remplacée`) est figée : le contenu de chacune de ses exigences doit rester celui de son verrou `edition.lock.json`. Annulez la modification, ou, s'il s'agit d'une vraie correction, déclarez-la comme erratum avec `npx doctrine erratum <édition> --motif \"…\"`, qui l'inscrit dans `edition.yml` et met le verrou à jour. Pour changer une exigence, préparez plutôt l'édition suivante (`npx doctrine new-edition`)." },
  { id: 'lock-invalid', severity: 'error', title: "Verrou d'édition absent ou invalide",
    help: "Chaque édition publiée a un verrou `edition.lock.json`, écrit par `npx doctrine publish` ; il ne se modifie pas à la main. S'il manque, publiez l'édition avec la commande plutôt qu'en changeant son statut dans `edition.yml`." },
  { id: 'schema-invalid', severity: 'error', title: 'Donnée non conforme au schéma',
    help: "Le jeu de données produit ne respecte pas son schéma JSON. L'erreur est située sur la source qui a produit la valeur." },
] as const);

export type RuleId = (typeof RULES)[number]['id'];

const byId = new Map<string, Rule>(RULES.map((rule) => [rule.id, rule]));

export function getRule(id: RuleId): Rule {
  const rule = byId.get(id);
  if (!rule) throw new Error(`Unknown rule ${id}`);
  return rule;
}
