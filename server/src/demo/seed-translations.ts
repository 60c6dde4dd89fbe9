/**
 * The demo's French version of the draft. On the last day the secretariat translates the text
 * paragraph by paragraph (all but the last paragraph, left untranslated to show "missing"); right
 * after op10b (OP 10 (b) of the zero draft) is translated, Maranu's delegate adds words to it in
 * the live draft, so its French is out of date and shows the redline of what changed. Everything
 * else is current. Should an earlier step ever change a paragraph's English, its French still
 * translates the zero draft's words and is shown out of date too. The French is the seed
 * author's own working translation.
 */
import type { SeedContext } from './seed-context.js';
import { fail } from './seed-context.js';
import type { Step } from './seed-schedule.js';

/** Left untranslated on purpose, so the demo shows a missing paragraph. */
const UNTRANSLATED = 'op12';
/** Changed in English after its translation: the demo's out-of-date paragraph. */
const CHANGED_AFTER = { paragraph: 'op10b', after: 'good practices', words: 'and lessons learned' };

/** French of the zero draft's words, by paragraph key. */
const FRENCH: Readonly<Record<string, string>> = {
  h1: 'Préambule',
  pp1: 'Considérant que les vagues de chaleur sont de plus en plus longues, intenses et fréquentes dans toutes les régions, et que la chaleur extrême est devenue l’une des premières causes de décès liées aux conditions météorologiques, frappant le plus durement les personnes âgées, les nourrissons, les femmes enceintes, les personnes atteintes de maladies chroniques et celles qui travaillent en plein air,',
  pp2: 'Préoccupés par le fait que les zones urbaines emmagasinent et restituent la chaleur du fait de la densité du bâti, des surfaces sombres et imperméabilisées, de la chaleur dégagée par les véhicules et les machines, et de la disparition des arbres et des plans d’eau, certains quartiers étant ainsi plus chauds de plusieurs degrés que d’autres dans une même ville, souvent ceux où les revenus sont les plus faibles,',
  pp3: 'Rappelant les engagements que les États ont déjà pris dans le cadre des instruments multilatéraux relatifs aux changements climatiques, à la réduction des risques de catastrophe, à la santé et au développement urbain durable, et résolus à ce que le présent Pacte complète ces efforts plutôt que de les reproduire,',
  pp4: 'Constatant que la plupart des décès et des maladies causés par la chaleur peuvent être évités lorsque les alertes arrivent à temps, lorsque des lieux rafraîchis sont à portée de main et lorsque les services sanitaires et sociaux savent qui est exposé et prennent de ses nouvelles,',
  pp5: 'Notant avec préoccupation que les travailleurs de plein air et du secteur informel, notamment les travailleurs migrants, les ouvriers agricoles, les ouvriers du bâtiment et les livreurs, sont de plus en plus exposés au stress thermique, aux accidents et aux pertes de revenu, souvent sans eau, sans ombre ni repos suffisants,',
  pp6: 'Conscients que les États sont très inégalement exposés à la chaleur extrême et disposent de moyens très différents pour y faire face, et que les petits États insulaires en développement et les pays des régions arides et semi-arides se heurtent à des difficultés particulières,',
  pp7: 'Soulignant le rôle central des autorités locales et régionales, qui aménagent les rues, les bâtiments, les espaces verts et les services d’urgence, ainsi que l’intérêt d’associer les habitants, les travailleurs, les jeunes et la société civile à la conception de l’action contre la chaleur,',
  pp8: 'Insistant sur le fait que des données exactes, actualisées et librement partagées sur les températures, l’exposition et les effets sur la santé sont indispensables pour orienter les ressources là où elles sont le plus nécessaires et pour mesurer les progrès accomplis,',
  pp9: 'Affirmant que les engagements énoncés dans le présent Pacte sont volontaires et que chaque État décidera de la meilleure manière d’y donner effet compte tenu de sa situation, de ses capacités et de ses priorités,',
  h2: 'Engagements',
  op1: 'S’engagent à mettre en place ou à renforcer, d’ici à 2030, des systèmes d’alerte précoce à la chaleur qui émettent des alertes fondées sur les effets attendus sur la santé au moins trois jours à l’avance, atteignent chaque habitant dans des langues et des formats qu’il peut comprendre, et déclenchent des mesures de santé publique et d’urgence convenues à l’avance ;',
  op2: 'S’engagent à élaborer, et à revoir au moins tous les cinq ans, des plans d’action nationaux et municipaux contre la chaleur qui attribuent des responsabilités claires aux services de santé, du travail, du logement, de l’énergie, de l’eau et des urgences et donnent la priorité aux personnes et aux quartiers les plus exposés, notamment :',
  op2a: 'des seuils d’alerte fixés conjointement par les services météorologiques et sanitaires et revus après chaque saison chaude ;',
  op2b: 'des actions de proximité en faveur des personnes âgées, des personnes vivant seules et des personnes handicapées pendant les vagues de chaleur, au moyen de visites à domicile, d’appels téléphoniques et de bénévoles de quartier ;',
  op2c: 'des mesures visant à maintenir les services d’eau, d’électricité et de santé pendant les chaleurs prolongées, y compris une protection contre les coupures pour les ménages qui ne peuvent pas payer ;',
  op3: 'Encouragent les autorités locales à désigner des centres de rafraîchissement accessibles dans les bibliothèques, les centres communautaires, les lieux de culte, les pôles de transport et d’autres bâtiments publics, à prolonger leurs heures d’ouverture pendant les alertes à la chaleur, et à les maintenir gratuits et ouverts à tous, quel que soit le statut migratoire ;',
  op4: 'S’engagent à protéger les travailleurs contre le stress thermique au travail en fixant des limites contraignantes d’exposition à la chaleur sur le lieu de travail, élaborées en consultation avec les organisations d’employeurs et de travailleurs, et en garantissant :',
  op4a: 'l’accès à l’eau potable, à l’ombre et à des pauses rémunérées qui s’allongent à mesure que l’indice de chaleur augmente ;',
  op4b: 'le droit des travailleurs d’interrompre le travail lorsque la chaleur présente un danger grave et imminent, sans perte de salaire ni autres représailles ;',
  op4c: 'la prise en compte des travailleurs informels, saisonniers et migrants, notamment dans l’agriculture, le bâtiment et les services de livraison ;',
  op5: 'Encouragent les États et les villes à étendre le couvert arboré, les toitures végétalisées, les surfaces perméables et les points d’eau, en visant à accroître de 30 pour cent d’ici à 2035 les surfaces ombragées et végétalisées dans les villes de plus de 100 000 habitants, en donnant la priorité aux quartiers les plus chauds et les plus pauvres ;',
  op6: 'Invitent les États à réviser les codes et normes de construction afin que les bâtiments neufs et rénovés, en particulier les logements sociaux, les écoles et les hôpitaux, conservent des températures intérieures sans danger grâce à la conception passive, à l’isolation, à l’ombrage et à la ventilation, et à promouvoir une climatisation efficace utilisant des fluides frigorigènes à faibles émissions ;',
  op7: 'Prient instamment les pays développés d’accroître les financements nouveaux et additionnels, publics et privés, consacrés à l’adaptation à la chaleur dans les pays en développement, et de faciliter le transfert des technologies de rafraîchissement et d’alerte précoce selon des modalités arrêtées d’un commun accord ;',
  op8: 'S’engagent à renforcer la surveillance sanitaire liée à la chaleur en enregistrant sur une base comparable les décès, les hospitalisations et les accidents du travail dus à la chaleur, en publiant des estimations de la surmortalité après chaque vague de chaleur majeure et en partageant des données anonymisées avec les chercheurs et les États voisins ;',
  op9: 'Invitent les services météorologiques et sanitaires à établir conjointement des prévisions chaleur-santé, et encouragent les organisations internationales compétentes à aider les pays dont les réseaux d’observation sont clairsemés, notamment au moyen de stations météorologiques peu coûteuses et de cartes satellitaires des températures de surface en milieu urbain ;',
  op10: 'Prient le secrétariat de créer, dans la limite des ressources existantes, une Plateforme mondiale pour la résilience à la chaleur qui :',
  op10a:
    'tiendra un registre public des engagements d’action volontaires pris par les États, les villes, les entreprises et la société civile ;',
  op10b:
    'recueillera et diffusera les bonnes pratiques, les orientations techniques et les données ouvertes sur les risques liés à la chaleur ;',
  op10c:
    'mettra en relation les demandes d’assistance technique et les offres d’appui des États et des organisations partenaires ;',
  op11: 'Invitent les États, les autorités locales et les autres parties prenantes à annoncer des engagements d’action volontaires et assortis de délais à l’appui du présent Pacte, et à rendre compte de leurs progrès tous les deux ans par l’intermédiaire de la Plateforme ;',
};

export function translationSteps(ctx: SeedContext): Step[] {
  const { documentId, demo } = ctx;
  // One step a paragraph, each one command (the seed's rule), in the text's order.
  return demo.document.paragraphs
    .filter((paragraph) => paragraph.key !== UNTRANSLATED)
    .map((paragraph) => ({
      label:
        paragraph.key === CHANGED_AFTER.paragraph
          ? `translate ${paragraph.key} into French; MRU then adds words to it`
          : `translate ${paragraph.key} into French`,
      phase: 'decisions' as const,
      async run(now: string) {
        const french = FRENCH[paragraph.key] ?? fail(`No French for ${paragraph.key}`);
        const live = await ctx.paragraphNow(paragraph.key);
        // The French translates the zero draft's words: current where they still read so.
        const unchanged = live.text === paragraph.text;
        const zeroDraft =
          ctx.core.readModels.queries
            .getDocument(documentId)
            ?.revisions.find((r) => r.label === 'Zero draft')?.textRevision ??
          fail('The demo has no zero draft to translate');
        const latest = String((await ctx.core.text.textRevision(documentId)) ?? 0n);
        await ctx.execute({
          type: 'TranslateParagraph',
          data: {
            documentId,
            language: 'fr',
            paragraphId: live.id,
            text: french,
            source: unchanged
              ? { text: live.text, textRevision: latest }
              : { text: paragraph.text, textRevision: zeroDraft },
          },
          meta: ctx.meta(
            `translation/fr/${paragraph.key}`,
            ctx.actorOf('secretariat', 'translation.edit', true),
            now,
          ),
        });
        if (paragraph.key === CHANGED_AFTER.paragraph) await changeAfterTranslation(ctx, now);
      },
    }));
}

/** Maranu's delegate adds words to the paragraph in the live draft, after its French was done. */
async function changeAfterTranslation(ctx: SeedContext, now: string): Promise<void> {
  const { text } = ctx.core;
  const { documentId } = ctx;
  const workId = ctx.idOf(`text/${CHANGED_AFTER.paragraph}-after-translation`);
  // A seed run again finds its words already there.
  if (await text.findTextWork(documentId, workId, 0n)) return;
  const paragraph = await ctx.paragraphNow(CHANGED_AFTER.paragraph);
  const start = paragraph.text.indexOf(CHANGED_AFTER.after);
  if (start < 0) fail(`"${CHANGED_AFTER.after}" is not in ${CHANGED_AFTER.paragraph}`);
  const anchor = await text.anchor(
    documentId,
    paragraph.id,
    start,
    start + CHANGED_AFTER.after.length,
  );
  const by = ctx.actorOf(ctx.delegateOf('MRU').key, 'text.edit', true);
  await text.applyTextWork(documentId, { workId, by, at: now }, [
    {
      kind: 'insert-words-after',
      anchor: { start: anchor.start, end: anchor.end },
      paragraphId: paragraph.id,
      words: CHANGED_AFTER.words,
    },
  ]);
}
