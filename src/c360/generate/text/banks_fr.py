"""French phrase banks: CRM notes written by sales/support reps, and marketing e-mails."""

# Notes ----------------------------------------------------------------------------------------
# Fields: {name} first mention of the customer (any form), {fname} the same without a title,
# {short} later mentions, {oname} {oshort} the same in the oblique case (German "Herrn"),
# {phone} {email} {product} {account} {day} {amount} {pct} {ticket}, {colleague}
# {colleague_email} (BrandCo staff), {assistant} {assistant_email} (customer side).
# Avoid wording that agrees with the customer's gender (it is unknown to the writer).

TITLES = ("M.", "Mme")
TITLE_IN_SHORT = True
MAIL_DOMAIN = "brandco.fr"
DAYS = ("jeudi", "lundi matin", "la semaine prochaine", "demain", "vendredi", "mardi après-midi")
STAFF = (
    ("Julien", "Moreau"),
    ("Claire", "Fontaine"),
    ("Nicolas", "Garnier"),
    ("Émilie", "Rousseau"),
    ("Thomas", "Lefèvre"),
    ("Camille", "Girard"),
    ("Antoine", "Mercier"),
    ("Sarah", "Lambert"),
    ("Mathieu", "Chevalier"),
    ("Laure", "Fabre"),
)
ASSISTANTS = (
    ("Nathalie", "Roux"),
    ("Isabelle", "Blanc"),
    ("Céline", "Perrin"),
    ("Sandrine", "Marchand"),
    ("Sébastien", "Colin"),
    ("Audrey", "Picard"),
)

CONTACT = (
    "Appel entrant de {name}.",
    "Appel sortant vers {name}, joint au {phone} au deuxième essai.",
    "RDV visio avec {name} ce matin, une bonne demi-heure.",
    "{name} a rappelé suite à mon message vocal.",
    "Échange de mails avec {name} ({email}).",
    "Tel. avec {name}.",
    "Visite chez {account}, vu {name} sur place.",
    "J'ai eu {name} au téléphone cet après-midi.",
    "Point tel. avec {name} (FU de la semaine dernière).",
    "Message de {name} via le formulaire de contact, rappelé dans la foulée.",
    "Croisé {name} au salon, échange rapide sur le stand.",
    "Call {name} — compte {account}.",
    "Chat en ligne avec {name}, repris ensuite par téléphone.",
    "Passage en boutique de {name}, on a pris un moment pour discuter.",
)
COORDS = (
    "Coordonnées : {phone} / {email}",
    "Tél. : {phone}",
    "Mail : {email}",
    "Joignable au {phone}, plutôt le matin.",
    "Préfère le mail : {email}",
    "Rappeler au {phone}.",
    "Numéro mis à jour dans la fiche : {phone}",
    "Adresse mail vérifiée : {email}",
    "Portable {phone} — mail {email}",
    "Contact direct : {email}, ou {phone} si urgent.",
)
COLLEAGUE = (
    "Vu en interne avec {colleague} ({colleague_email}) côté ADV.",
    "Transféré à {colleague} ({colleague_email}) pour la partie technique.",
    "{colleague} en copie : {colleague_email}",
    "J'ai mis {colleague} dans la boucle ({colleague_email}).",
    "Dossier suivi en binôme avec {colleague}, {colleague_email}.",
    "Voir avec {colleague} ({colleague_email}), qui connaît bien le compte.",
)
ASSISTANT = (
    "Passer par {assistant} ({assistant_email}), qui gère l'agenda.",
    "{assistant} ({assistant_email}) est en copie de tous les échanges.",
    "Pour la compta chez {account} : {assistant}, {assistant_email}.",
    "Contact secondaire : {assistant} — {assistant_email}",
    "Envoyer les docs à {assistant} ({assistant_email}), qui centralise.",
)
EXTRA = (
    "Fiche contact mise à jour.",
    "Cf. historique des échanges dans le CRM.",
    "Bon historique d'achats sur le compte.",
    "Dossier partagé avec l'équipe commerciale.",
    "Interlocuteur principal pour {account}.",
    "A déjà acheté {product} l'an dernier.",
    "Préfère les appels en fin de journée.",
    "Pas dispo le mercredi.",
    "Décideur final côté {account} à confirmer.",
)

CONTEXT = {
    "product_inquiry": (
        "Demande d'infos sur {product}.",
        "Questions sur la gamme, notamment {product}.",
        "Veut comparer nos références avant de se décider.",
        "Se renseigne sur les caractéristiques et la compatibilité avec son matériel.",
        "Intérêt pour les nouveautés de la saison, souhaite une présentation.",
        "Cherche un équipement pour son équipe, a vu notre catalogue en ligne.",
        "Demande la fiche technique + dispo en stock.",
    ),
    "pricing_negotiation": (
        "Négo tarifaire sur le contrat cadre.",
        "Discussion sur le prix de {product}.",
        "Demande une remise de {pct} sur la prochaine commande.",
        "Renégociation des conditions, budget en baisse chez {account}.",
        "Veut revoir le devis envoyé la semaine dernière.",
        "Point sur la grille tarifaire et les remises volume.",
        "Conteste la hausse de tarif annoncée pour l'an prochain.",
    ),
    "support_issue": (
        "Problème technique sur {product}.",
        "Appareil qui ne s'allume plus depuis la dernière charge.",
        "Ticket {ticket} : dysfonctionnement signalé depuis lundi.",
        "Souci d'appairage avec l'appli, n'arrive pas à finaliser la config.",
        "Panne signalée quelques semaines après l'achat.",
        "Demande d'assistance suite à la dernière mise à jour.",
        "Erreur récurrente à l'utilisation, photos envoyées par mail.",
    ),
    "billing_question": (
        "Question sur la dernière facture.",
        "Ne comprend pas une ligne de la facture du mois.",
        "Demande un duplicata de facture.",
        "Prélèvement en double signalé.",
        "Veut changer de moyen de paiement.",
        "Écart entre le devis et la facture, montant de {amount}.",
        "Demande de mise à jour de l'adresse de facturation.",
    ),
    "renewal": (
        "Point sur le renouvellement du contrat.",
        "Abonnement Premium (livraison illimitée) à échéance dans deux mois.",
        "Renouvellement annuel du contrat cadre à préparer.",
        "Demande les conditions de reconduction.",
        "Extension de garantie sur {product} qui arrive à terme.",
        "Discussion sur la reconduction et les options.",
    ),
    "complaint": (
        "Réclamation suite à sa dernière commande.",
        "Plainte sur l'accueil reçu au service client.",
        "Se plaint de la qualité de {product}.",
        "Réclamation écrite reçue, reprise par téléphone.",
        "Mécontentement sur le délai de traitement de sa demande.",
        "Réclamation concernant l'intervention du technicien.",
        "Conteste la réponse faite par le SAV.",
    ),
    "onboarding": (
        "Ouverture du compte pro, première prise en main de l'espace client.",
        "Mise en route de {product} : appairage et réglages.",
        "Présentation de l'espace pro à l'équipe de {account}.",
        "Accompagnement de la première commande en ligne.",
        "Point de suivi à J+15 après activation du compte.",
        "Paramétrage des accès acheteurs et des adresses de livraison.",
    ),
    "feature_request": (
        "Demande d'évolution sur {product}.",
        "Aimerait un coloris ou une taille qu'on ne propose pas.",
        "Suggère le retrait en magasin pour les commandes pro.",
        "Voudrait pouvoir suivre ses commandes dans l'appli.",
        "Demande une facturation mensuelle groupée.",
        "Demande si une version compatible avec son ancien modèle est prévue.",
    ),
    "cancellation_risk": (
        "Envisage de résilier.",
        "Demande les conditions de résiliation.",
        "Risque de churn : commandes en forte baisse.",
        "Évoque un possible départ chez un concurrent.",
        "Demande de résiliation reçue par mail, rappel pour comprendre.",
        "Signal d'alerte : plus aucune commande depuis trois mois.",
    ),
    "delivery_issue": (
        "Livraison en retard sur la dernière commande.",
        "Colis pas reçu malgré le statut « livré ».",
        "Commande de {product} arrivée incomplète.",
        "Produit reçu endommagé.",
        "Question sur le suivi de livraison.",
        "Erreur de référence sur le colis reçu.",
    ),
}
DETAIL = {
    "product_inquiry": (
        "Points abordés : usage, délais, garantie.",
        "Compare avec un concurrent, veut savoir ce qui nous différencie.",
        "Besoin estimé pour une dizaine de postes chez {account}.",
        "A déjà {product}, se demande si le modèle au-dessus vaut le coup.",
        "Budget pas encore défini.",
    ),
    "pricing_negotiation": (
        "Devis actuel à {amount} HT.",
        "Concurrent moins cher d'environ {pct} d'après {short}.",
        "Engagement possible sur deux ans contre un meilleur tarif.",
        "Achats centralisés chez {account}, décision au niveau groupe.",
        "Remise max autorisée de mon côté : {pct}.",
    ),
    "support_issue": (
        "Incident reproduit de notre côté.",
        "Concerne {product}, acheté il y a quelques mois.",
        "Plusieurs postes touchés chez {account}.",
        "Déjà eu un souci similaire l'an dernier.",
        "Ticket {ticket} ouvert au niveau 2.",
    ),
    "billing_question": (
        "Facture concernée : {amount} TTC.",
        "Paiement par virement, service compta chez {account}.",
        "Concerne la commande de {product}.",
        "Échéance dans quinze jours.",
        "Relance de paiement reçue par erreur d'après {short}.",
    ),
    "renewal": (
        "Contrat actuel à {amount} par an.",
        "Volume d'achats en hausse chez {account} cette année.",
        "Possibilité d'ajouter {product} au prochain contrat.",
        "Clause de reconduction tacite rappelée.",
        "Décision attendue avant la fin du trimestre.",
    ),
    "complaint": (
        "Commande reçue abîmée, photos à l'appui.",
        "Deuxième réclamation en deux mois.",
        "Concerne {product}.",
        "Réclamation relayée par la direction de {account}.",
        "A aussi laissé un avis en ligne.",
    ),
    "onboarding": (
        "Trois acheteurs créés sur le compte.",
        "Import du catalogue pro prévu {day}.",
        "Guide de démarrage envoyé en amont.",
        "Utilise {product} depuis peu.",
        "Besoin d'un accompagnement sur les commandes récurrentes.",
    ),
    "feature_request": (
        "Besoin partagé par plusieurs services chez {account}.",
        "Contournement actuel : tout passe par mail.",
        "Demande déjà faite par d'autres clients.",
        "Prêt à tester une version bêta.",
        "Lié à l'usage quotidien de {product}.",
    ),
    "cancellation_risk": (
        "Contrat en cours jusqu'à la fin de l'année.",
        "Budget coupé chez {account}.",
        "Commandait surtout {product}.",
        "Nouveau décideur en place, remet tout à plat.",
        "Offre concurrente environ {pct} moins chère.",
    ),
    "delivery_issue": (
        "Transporteur : retard annoncé de plusieurs jours.",
        "Livraison prévue sur le site de {account}.",
        "Commande passée il y a deux semaines.",
        "Montant de la commande : {amount}.",
        "Deuxième incident de livraison ce trimestre.",
    ),
}
OUTCOME = {
    "product_inquiry": {
        "positive": (
            "Gros intérêt pour la démo, on cale un créneau.",
            "Nos réponses ont levé ses doutes, {short} veut avancer vite.",
            "{short} trouve que {product} correspond pile à son besoin.",
            "Demande un devis dans la foulée, très bon signe.",
            "Accueil très positif de la présentation, en parle à sa direction pour valider.",
            "Coup de cœur pour la nouvelle gamme.",
            "{short} a adoré la démo et parle déjà de commander.",
        ),
        "neutral": (
            "Infos transmises, {short} doit en discuter en interne.",
            "Doc envoyée, pas de décision à court terme.",
            "Simple prise d'infos, pas de projet immédiat.",
            "Prend note des tarifs, reviendra vers nous après comparaison.",
            "Question de compatibilité réglée avec la fiche technique.",
            "Veut d'abord voir le produit en magasin.",
        ),
        "negative": (
            "Trouve l'offre trop chère pour ce que c'est.",
            "Nos réponses n'ont pas levé ses doutes.",
            "{short} reproche le manque d'infos claires sur le site.",
            "Se plaint d'avoir attendu une semaine avant d'avoir une réponse.",
            "La démo n'a pas convaincu, trop d'écarts avec son besoin.",
            "{product} ne répond pas à ses attentes, regarde ailleurs.",
            "A l'impression qu'on ne comprend pas son besoin.",
        ),
    },
    "pricing_negotiation": {
        "positive": (
            "Accord trouvé à {amount}, {short} signe {day}.",
            "Remise de {pct} acceptée, tout le monde s'y retrouve.",
            "Deal conclu, très bonne négo des deux côtés.",
            "{short} valide le devis révisé sans discuter.",
            "On part sur un engagement plus long, conditions acceptées avec plaisir.",
            "Bon compromis trouvé, {short} remercie pour la souplesse.",
        ),
        "neutral": (
            "Contre-proposition envoyée, attente de réponse.",
            "{short} doit valider avec ses achats avant de s'engager.",
            "Pas de décision aujourd'hui, on en reparle {day}.",
            "Nouveau devis à {amount} transmis pour étude.",
            "Discussion ouverte, encore {pct} d'écart entre nos positions.",
            "Demande un comparatif détaillé avant d'aller plus loin.",
        ),
        "negative": (
            "Refuse catégoriquement la hausse, parle de partir.",
            "Trouve notre proposition à {amount} inacceptable.",
            "Négo bloquée, aucune marge de manœuvre de leur côté.",
            "{short} a l'impression qu'on se moque du monde avec ces tarifs.",
            "Aucune avancée, la remise de {pct} jugée ridicule.",
            "Mauvaise surprise sur le prix, ambiance glaciale.",
        ),
    },
    "support_issue": {
        "positive": (
            "Résolu en direct, {short} nous remercie chaleureusement.",
            "Correctif appliqué, tout marche et {short} salue la réactivité du support.",
            "Problème réglé en dix minutes, super retour sur le SAV.",
            "Solution trouvée du premier coup, grosse satisfaction.",
            "Remplacement sous garantie accepté, {short} apprécie la rapidité.",
            "Config finalisée ensemble, tout fonctionne et {short} est aux anges.",
        ),
        "neutral": (
            "Mise à jour appliquée, incident clos.",
            "Contournement proposé en attendant le correctif.",
            "Ticket {ticket} transmis au niveau 2, délai annoncé à {short}.",
            "Souci réglé après réinitialisation, rien de plus.",
            "Diagnostic en cours, on revient vers {short} {day}.",
            "Problème résolu, c'était un réglage côté clt.",
        ),
        "negative": (
            "Troisième appel pour le même problème, toujours pas résolu.",
            "{short} n'en peut plus, le produit est inutilisable depuis une semaine.",
            "Aucune solution proposée à ce stade, grosse frustration.",
            "Le support lui a fait répéter trois fois la même chose, exaspération totale.",
            "Ticket {ticket} en souffrance, aucun retour du niveau 2.",
            "Panne qui bloque toute l'activité chez {account}, c'est critique.",
        ),
    },
    "billing_question": {
        "positive": (
            "Avoir émis dans la journée, {short} remercie pour la rapidité.",
            "Tout est clarifié, très bon retour sur la clarté des explications.",
            "Remboursement validé, {short} apprécie qu'on ait réglé ça sans discuter.",
            "Passage au prélèvement fait, {short} trouve ça bien plus simple.",
            "Erreur corrigée tout de suite, échange très sympa.",
            "Explications claires, {short} nous félicite pour le suivi.",
        ),
        "neutral": (
            "Duplicata envoyé par mail.",
            "Ligne expliquée, il s'agissait des frais de port.",
            "Erreur confirmée, régularisation sous dix jours.",
            "Adresse de facturation mise à jour.",
            "Transmis à la compta pour vérification.",
            "Facture corrigée, rien d'autre à signaler.",
        ),
        "negative": (
            "Erreur de facturation de trop, {short} exige un remboursement immédiat.",
            "Trouve inadmissible de devoir relancer pour la troisième fois.",
            "Conteste le montant de {amount}, refuse de payer en l'état.",
            "Menace de bloquer les paiements tant que ce n'est pas corrigé.",
            "Colère sur les frais cachés, parle d'arnaque.",
            "Aucune trace de l'avoir promis, grosse colère au bout du fil.",
        ),
    },
    "renewal": {
        "positive": (
            "Renouvellement signé pour deux ans, super nouvelle.",
            "{short} renouvelle sans hésiter et ajoute des options.",
            "Reconduction validée, le service donne entière satisfaction.",
            "Accord de principe pour renouveler, ambiance excellente.",
            "Renouvelle et parle de nous recommander à d'autres boîtes.",
            "Engagement prolongé, {short} n'envisage pas d'autre fournisseur.",
        ),
        "neutral": (
            "Renouvellement en cours de validation interne.",
            "Proposition de reconduction envoyée, réponse {day}.",
            "Veut d'abord faire le bilan de l'année.",
            "Reconduction probable mais rien de signé.",
            "Demande une copie du contrat actuel avant de décider.",
            "Renouvellement traité, simple formalité administrative.",
        ),
        "negative": (
            "N'a pas l'intention de renouveler en l'état.",
            "Hésite fortement, trouve le rapport qualité-prix décevant.",
            "Renouvellement compromis, {short} a reçu une offre concurrente.",
            "Refus de reconduire tant que les problèmes ne sont pas réglés.",
            "Reproche un manque de suivi toute l'année, ne veut pas s'engager.",
            "Très froid sur la reconduction, veut passer en mensuel sans engagement.",
        ),
    },
    "complaint": {
        "positive": (
            "Excuses présentées + geste commercial, {short} remercie pour la réactivité.",
            "Réclamation traitée dans la journée, retour très positif.",
            "Échange de produit accepté, {short} finit l'appel de bonne humeur.",
            "Tout est rentré dans l'ordre, {short} salue notre écoute.",
            "Dossier clos à l'amiable, relation même renforcée.",
            "Avoir accordé, {short} a retiré son avis négatif en ligne.",
        ),
        "neutral": (
            "Réclamation enregistrée, analyse en cours.",
            "Dossier transmis au service qualité.",
            "Geste commercial proposé, en attente de sa réponse.",
            "L'erreur de commande a été corrigée, dossier clos.",
            "Explications données, {short} prend acte.",
            "Retour produit organisé, remboursement à réception.",
        ),
        "negative": (
            "Inacceptable d'après {short}, exige un dédommagement.",
            "Refuse le geste commercial, le juge insuffisant.",
            "Parle de saisir une association de consommateurs.",
            "Colère froide, ne veut plus entendre parler de nos excuses.",
            "Aucune solution satisfaisante, la réclamation reste ouverte.",
            "Promet de raconter son expérience sur les réseaux.",
        ),
    },
    "onboarding": {
        "positive": (
            "Prise en main rapide, {short} trouve l'espace pro très intuitif.",
            "Session appréciée, toute l'équipe commande déjà en autonomie.",
            "Démarrage impeccable, {short} nous remercie pour l'accompagnement.",
            "Tout est en place en une session, super retour.",
            "{short} adore l'interface et veut ouvrir des accès à d'autres collègues.",
            "Première commande passée sans accroc, enthousiasme général.",
        ),
        "neutral": (
            "Compte paramétré, reste à ajouter les adresses de livraison.",
            "Session faite, questions à traiter au prochain point.",
            "Accès créés, {short} doit tester de son côté.",
            "Petit souci de connexion résolu en séance, la suite suit son cours.",
            "Planning de mise en route validé.",
            "Prise en main en cours, rien de bloquant.",
        ),
        "negative": (
            "Démarrage laborieux, {short} trouve l'espace client trop compliqué.",
            "Session écourtée, rien ne fonctionnait comme prévu.",
            "Frustration : toujours pas d'accès après deux semaines.",
            "L'équipe de {account} ne voit pas l'intérêt, personne ne s'est connecté.",
            "{short} regrette déjà l'achat, trop de temps perdu.",
            "Accompagnement jugé bâclé, demande un autre interlocuteur.",
        ),
    },
    "feature_request": {
        "positive": (
            "Bonne nouvelle : c'est prévu pour la rentrée, {short} est aux anges.",
            "{short} se porte volontaire pour tester, super motivation.",
            "Idée remontée, {short} apprécie qu'on prenne le temps d'écouter.",
            "Option déjà dispo, activée dans la foulée : gros merci de {short}.",
            "Échange très constructif, plein d'idées intéressantes.",
            "{short} adore les évolutions présentées.",
        ),
        "neutral": (
            "Demande transmise à l'équipe produit.",
            "Pas prévu à court terme, expliqué à {short}.",
            "Suggestion notée pour le prochain comité.",
            "Alternative proposée en attendant, à voir à l'usage.",
            "Besoin à préciser, {short} doit envoyer un descriptif.",
            "Option existante mais méconnue, tuto envoyé.",
        ),
        "negative": (
            "Indispensable pour {short}, sans ça ils regardent ailleurs.",
            "Grosse déception : demande faite il y a un an, toujours rien.",
            "Trouve inadmissible qu'une option aussi basique manque.",
            "Pas au programme, {short} le prend très mal.",
            "Menace de changer de fournisseur si rien ne bouge cette année.",
            "A le sentiment que ses remontées finissent à la poubelle.",
        ),
    },
    "cancellation_risk": {
        "positive": (
            "Finalement {short} reste : notre plan d'action a fait la différence.",
            "Risque écarté, {short} renouvelle même pour un an.",
            "Après discussion, plus question de partir, relation relancée.",
            "Offre de fidélité acceptée avec enthousiasme.",
            "Les problèmes réglés ont changé la donne, {short} nous refait confiance.",
            "Bonne surprise : le départ est annulé et {short} veut ajouter {product}.",
        ),
        "neutral": (
            "Réflexion en cours, décision {day}.",
            "Offre de rétention envoyée, en attente.",
            "Résiliation enregistrée, effective à l'échéance.",
            "Veut comparer avant de trancher.",
            "Point prévu avec le décideur pour clarifier les attentes.",
            "Dossier transmis à l'équipe fidélisation.",
        ),
        "negative": (
            "Résiliation confirmée, aucun argument n'a porté.",
            "Part chez le concurrent, décision irrévocable.",
            "Refuse toute offre de rétention, ne veut plus entendre parler de nous.",
            "Trop de déceptions accumulées, {short} a déjà signé ailleurs.",
            "Ne répond plus aux relances, départ quasi certain.",
            "Beaucoup d'amertume sur notre suivi, le compte est perdu.",
        ),
    },
    "delivery_issue": {
        "positive": (
            "Renvoi express organisé, {short} remercie pour la réactivité.",
            "Solution trouvée dans la journée, tout est rentré dans l'ordre.",
            "Échange fait sans frais, {short} trouve le service impeccable.",
            "Geste sur les frais de port, très bien accueilli.",
            "Problème réglé avant même la fin de l'appel, super retour.",
            "{short} salue la transparence sur le suivi.",
        ),
        "neutral": (
            "Enquête ouverte auprès du transporteur.",
            "Nouvelle date de livraison communiquée : {day}.",
            "Renvoi des articles manquants en cours.",
            "Statut du colis vérifié avec le transporteur.",
            "Procédure de retour expliquée.",
            "Lien de suivi renvoyé par mail, rien d'autre.",
        ),
        "negative": (
            "Toujours rien de réglé, {short} veut annuler la commande.",
            "Troisième souci de livraison d'affilée, ras-le-bol total.",
            "{short} exige un remboursement intégral, hors de question d'attendre encore.",
            "Aucune info du transporteur, personne ne sait où est la commande.",
            "Livraison ratée qui a fait perdre une journée à l'équipe de {account}.",
            "Considère notre logistique comme catastrophique.",
        ),
    },
}
MOOD = {
    "positive": (
        "Très bon échange, ton chaleureux.",
        "Retour enthousiaste sur le service.",
        "Relation au beau fixe.",
        "Beaucoup de compliments pour l'équipe.",
        "On sent une vraie confiance, ça avance bien.",
        "Bonne humeur au téléphone, on a même plaisanté.",
        "Franchement un des comptes les plus agréables du portefeuille.",
        "Aucune objection, tout roule.",
    ),
    "neutral": (
        "Échange cordial, rien de particulier.",
        "Ton factuel, demande surtout des infos.",
        "RAS côté relation.",
        "Conversation courte et pro.",
        "Pas d'avis tranché pour le moment.",
        "Échange neutre, on verra à l'usage.",
        "Attitude prudente, sans plus.",
        "Discussion calme, pas d'enjeu particulier.",
    ),
    "negative": (
        "Ton sec, agacement perceptible.",
        "Discussion tendue, plusieurs reproches.",
        "Menace d'aller voir la concurrence.",
        "Déception évidente, la confiance est entamée.",
        "A raccroché assez froidement.",
        "Énervement palpable, a haussé le ton à plusieurs reprises.",
        "Parle de résilier si ça continue.",
        "Clairement à bout de patience.",
    ),
}
NEXT = {
    "positive": (
        "FU dans trois mois pour faire le point.",
        "Lui proposer de laisser un avis, le moment s'y prête.",
        "Relance prévue {day} pour caler la suite.",
        "Penser à proposer le programme de parrainage.",
        "Petit mail de remerciement à envoyer aujourd'hui.",
        "Je prépare la commande, livraison à caler {day}.",
        "Opportunité de vente additionnelle à creuser au prochain RDV.",
        "Mettre à jour le forecast, affaire bien engagée.",
    ),
    "neutral": (
        "À rappeler {day}.",
        "Attente de son retour, relance dans une semaine si rien.",
        "Fiche mise à jour, ticket clôturé.",
        "Pas d'action particulière pour l'instant.",
        "Envoyer la doc par mail et voir s'il y a des questions.",
        "Je note un point {day} dans l'agenda.",
        "RAS, on laisse courir jusqu'au prochain contact.",
        "À suivre.",
    ),
    "negative": (
        "Escalade au manager faite ce jour.",
        "Rappel prioritaire {day}, ne pas laisser traîner.",
        "Geste commercial à valider avec la direction.",
        "Compte à surveiller de près, alerte posée dans le CRM.",
        "Demander au support un retour écrit sous 48 h.",
        "Prévoir un appel du responsable de compte {day}.",
        "Si pas de solution rapide, on risque de perdre le compte.",
        "Faire remonter au service qualité.",
    ),
}

# E-mails --------------------------------------------------------------------------------------
# Fields: {product} (first product), {products} (all, joined), {pct}, {deadline}.

GREETING = "Bonjour {{customer_name}},"
CTA = "DÉCOUVRIR MAINTENANT"
SIGNOFF = "Cordialement,\nL'équipe BrandCo"
AND = "et"
DEADLINES = (
    "jusqu'à dimanche minuit",
    "pendant quinze jours seulement",
    "jusqu'à la fin du mois",
    "ce week-end uniquement",
    "pendant une semaine",
    "dans la limite des stocks disponibles",
)
# Even positions feed variant A, odd positions variant B, so the two variants always differ.
SUBJECTS = {
    "acquisition": (
        "Bienvenue chez BrandCo : {pct} offerts sur votre première commande",
        "Et si vous essayiez BrandCo ?",
        "Votre première commande à prix doux",
        "Découvrez ce que BrandCo peut faire pour vous",
        "Offre de bienvenue : la livraison est pour nous",
        "Ils nous ont déjà adoptés. Pourquoi pas vous ?",
        "{pct} de réduction pour faire connaissance",
        "Nouveau ici ? Un cadeau vous attend",
    ),
    "retention": (
        "Merci pour votre fidélité : un avantage rien que pour vous",
        "On a pensé à vous",
        "Vos avantages client du mois sont arrivés",
        "Un petit merci de notre part",
        "Client fidèle : {pct} offerts ce mois-ci",
        "Nos conseils pour tirer le meilleur de vos achats",
        "Vos points fidélité valent double",
        "Ce mois-ci, c'est vous qui êtes à l'honneur",
    ),
    "upsell": (
        "{pct} sur la gamme premium, pour vous uniquement",
        "Passez à la vitesse supérieure",
        "Le complément idéal de votre équipement",
        "Vous avez aimé ? Vous allez adorer la suite",
        "Offre exclusive : montez en gamme à prix doux",
        "Et si vous alliez plus loin ?",
        "Les accessoires qui changent tout",
        "Nos clients comme vous ont aussi choisi…",
    ),
    "winback": (
        "Revenez : {pct} offerts pour votre retour",
        "Vous nous manquez",
        "Une offre spéciale pour vous faire revenir",
        "Ça fait longtemps !",
        "{pct} pour reprendre là où on s'était arrêtés",
        "On a changé, venez voir",
        "Dernière chance de profiter de votre avantage",
        "Votre place est toujours là",
    ),
    "engagement": (
        "Les nouveautés du mois sont là",
        "Votre avis compte : deux minutes pour nous aider",
        "Trucs et astuces pour bien utiliser vos produits",
        "Participez à notre jeu-concours",
        "Ce qui se passe chez BrandCo ce mois-ci",
        "Découvrez les coulisses de BrandCo",
        "Nos coups de cœur de la saison",
        "Rejoignez la communauté BrandCo",
    ),
}
INTRO = {
    "acquisition": (
        "Vous cherchez des produits fiables, pensés pour vous simplifier la vie ? Chez BrandCo, "
        "c'est exactement ce que nous faisons depuis des années.",
        "Nous sommes ravis de vous présenter BrandCo. Des milliers de clients nous font déjà "
        "confiance au quotidien, et nous aimerions beaucoup vous compter parmi eux.",
        "Et si c'était le bon moment pour essayer quelque chose de nouveau ? {product} a déjà "
        "séduit de nombreux clients, et nous sommes convaincus que vous allez l'adorer.",
        "Bienvenue ! Vous venez de découvrir BrandCo, et nous voulions prendre un instant pour "
        "vous dire ce qui nous rend différents.",
        "Qualité, simplicité et un service client qui répond vraiment : voilà ce que BrandCo vous "
        "propose dès aujourd'hui.",
        "Vous avez récemment visité notre site, merci de votre curiosité. Voici de quoi faire "
        "plus ample connaissance.",
    ),
    "retention": (
        "Merci de faire partie de la famille BrandCo. Votre fidélité compte énormément pour nous, "
        "et nous tenions à vous le dire.",
        "Cela fait un moment que vous nous faites confiance, et nous voulons que chaque achat "
        "reste une bonne expérience.",
        "Vous utilisez {product} depuis quelque temps déjà : voici quelques idées pour en "
        "profiter encore davantage.",
        "En tant que client fidèle, vous avez droit à des attentions particulières. Ce mois-ci, "
        "nous avons pensé à vous en priorité.",
        "Nous espérons que vos derniers achats vous donnent entière satisfaction. De notre côté, "
        "nous continuons d'améliorer nos produits grâce à vos retours.",
        "Un grand merci pour votre confiance. Pour vous le prouver, nous vous avons réservé une "
        "surprise.",
    ),
    "upsell": (
        "Vous appréciez {product} ? Alors vous allez aimer notre sélection pour l'accompagner.",
        "Beaucoup de clients qui ont choisi {product} passent ensuite à la gamme supérieure. "
        "Voici pourquoi.",
        "Vous connaissez déjà la qualité BrandCo. Il est temps de découvrir ce que notre gamme "
        "premium peut vous apporter.",
        "Envie d'aller plus loin ? Nous avons sélectionné pour vous des produits qui s'associent "
        "parfaitement à vos achats précédents.",
        "Plus de performance, plus de confort, plus de possibilités : la gamme premium a été "
        "pensée pour les clients exigeants.",
        "Votre équipement actuel a fait ses preuves. Avec quelques compléments bien choisis, il "
        "peut faire encore mieux.",
    ),
    "winback": (
        "Cela fait un moment que nous n'avons pas eu de vos nouvelles, et vous nous manquez.",
        "Beaucoup de choses ont changé chez BrandCo depuis votre dernière visite. Nous aimerions "
        "vous les faire découvrir.",
        "Nous savons que vos attentes sont élevées. Nous avons écouté nos clients et amélioré nos "
        "produits en conséquence.",
        "Votre dernière commande date un peu, et nous nous demandions si tout allait bien de "
        "votre côté.",
        "Nous aimerions vous revoir parmi nos clients. Pour vous donner envie de revenir, nous "
        "avons préparé quelque chose de spécial.",
        "Vous aviez apprécié {product} ? Venez voir tout ce qui a rejoint la gamme depuis.",
    ),
    "engagement": (
        "Ce mois-ci, nous avons plein de nouveautés à partager avec vous.",
        "Nous avons rassemblé nos meilleurs conseils pour tirer le maximum de vos produits "
        "BrandCo.",
        "Chez BrandCo, nous aimons garder le contact avec nos clients. Voici les dernières "
        "nouvelles de notre côté.",
        "Votre avis nous aide à progresser. Quelques minutes suffisent pour nous dire ce que vous "
        "pensez de nos produits.",
        "Vous avez {product} ? Voici nos meilleures astuces pour en profiter au quotidien.",
        "La saison change, nos envies aussi : découvrez notre sélection du moment.",
    ),
}
PRODUCT_ONE = (
    "À l'honneur cette fois : {product}. Un produit conçu avec soin, testé par nos équipes et "
    "plébiscité par nos clients.",
    "Notre coup de cœur pour vous : {product}. Une référence choisie pour sa qualité et sa "
    "simplicité.",
    "{product} est disponible dès maintenant sur notre site, avec une fiche détaillée et les avis "
    "de nos clients.",
    "Parmi nos meilleures ventes du moment, {product} fait l'unanimité, et on comprend pourquoi.",
    "Découvrez {product} : une valeur sûre, pensée pour durer.",
    "Zoom sur {product}, avec fiche détaillée et avis clients pour vous aider à choisir.",
)
PRODUCTS = (
    "À l'honneur cette fois : {products}. Des produits conçus avec soin, testés par nos équipes "
    "et plébiscités par nos clients.",
    "Notre sélection pour vous : {products}. Chacun a été choisi pour sa qualité et sa facilité "
    "d'utilisation.",
    "Dans cette sélection, vous trouverez {products}, tous disponibles immédiatement sur notre "
    "site.",
    "Parmi nos meilleures ventes du moment : {products}. Ils font l'unanimité, et on comprend "
    "pourquoi.",
    "Découvrez {products} : des valeurs sûres, pensées pour durer.",
    "Zoom sur {products}, avec fiches détaillées et avis clients pour vous aider à choisir.",
)
OFFER = {
    "acquisition": (
        "Pour votre première commande, profitez de {pct} de réduction {deadline}.",
        "Offre de bienvenue : la livraison est offerte et vous bénéficiez de {pct} de remise "
        "{deadline}.",
        "En créant votre compte aujourd'hui, vous recevez {pct} de réduction sur tout le "
        "catalogue, {deadline}.",
        "Testez sans risque : satisfait ou remboursé pendant trente jours, et {pct} offerts sur "
        "votre premier achat.",
        "Votre code de bienvenue vous donne droit à {pct} de réduction, {deadline}.",
        "Créez votre compte et recevez un cadeau de bienvenue avec votre première commande.",
    ),
    "retention": (
        "Pour vous remercier, nous vous offrons {pct} sur votre prochaine commande, {deadline}.",
        "Vos points fidélité sont doublés {deadline} : c'est le moment d'en profiter.",
        "En tant que client fidèle, vous bénéficiez de la livraison express offerte sur toutes "
        "vos commandes ce mois-ci.",
        "Un bon d'achat de {pct} vous attend dans votre espace client.",
        "Profitez d'un accès anticipé à nos ventes privées, avec {pct} de réduction "
        "supplémentaire.",
        "Votre garantie est prolongée gratuitement d'un an, sans aucune démarche de votre part.",
    ),
    "upsell": (
        "Bénéficiez de {pct} de réduction sur la gamme premium {deadline}.",
        "Ajoutez un produit complémentaire à votre commande et profitez de {pct} sur l'ensemble.",
        "Passez à la version supérieure à prix préférentiel : {pct} de remise, {deadline}.",
        "Pour tout achat d'un pack, l'accessoire est offert.",
        "Offre réservée à nos clients : {pct} sur les produits associés à vos derniers achats.",
        "Montez en gamme dès aujourd'hui, nous reprenons votre ancien équipement à bon prix.",
    ),
    "winback": (
        "Pour votre retour, nous vous offrons {pct} sur la commande de votre choix, {deadline}.",
        "Revenez dès maintenant et profitez de la livraison offerte en plus de {pct} de réduction.",
        "Un code spécial retour vous attend : {pct} de remise, {deadline}.",
        "Un cadeau de bienvenue vous attend pour fêter votre retour parmi nous.",
        "Réactivez votre compte et bénéficiez de {pct} sur tout le site {deadline}.",
        "Pour vous convaincre de revenir, votre prochaine livraison est offerte, sans minimum "
        "d'achat.",
    ),
    "engagement": (
        "Participez à notre jeu-concours et tentez de gagner {product}.",
        "Répondez à notre questionnaire et recevez {pct} de réduction en remerciement.",
        "Rejoignez notre communauté en ligne pour échanger astuces et retours d'expérience avec "
        "d'autres clients.",
        "Inscrivez-vous à notre atelier en ligne gratuit pour découvrir toutes les possibilités "
        "de vos produits.",
        "Donnez votre avis sur {product} et tentez de gagner un bon d'achat.",
        "Consultez nos nouveaux guides pratiques, disponibles gratuitement dans votre espace "
        "client.",
    ),
}
EMAIL_EXTRA = (
    "La livraison est rapide et les retours sont gratuits pendant trente jours.",
    "Notre service client est disponible du lundi au samedi pour répondre à toutes vos questions.",
    "Tous nos produits sont garantis deux ans et contrôlés selon des normes strictes.",
    "Plus de neuf clients sur dix recommandent BrandCo à leurs proches.",
    "Paiement sécurisé, avec la possibilité de régler en trois fois sans frais.",
    "Chaque commande est préparée avec soin dans nos entrepôts et expédiée sous 48 heures.",
)
CLOSING = (
    "Nous avons hâte de vous retrouver.",
    "Merci de votre confiance, et à très bientôt.",
    "N'hésitez pas à nous contacter si vous avez la moindre question.",
    "Nous espérons que cette sélection vous plaira.",
    "À très vite sur BrandCo.",
    "Toute l'équipe vous souhaite une excellente journée.",
)
