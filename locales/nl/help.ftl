# Help articles: Dutch.

help-contact = Partnersupport een bericht sturen
    .summary = Stuur partnersupport vanuit de app een bericht wanneer u een vraag heeft over uw accommodatie, een reservering of uw account.
    .body = Tik op “Meer” en daarna op “Help”, en tik vervolgens op het envelopicoon om “Stuur ons een bericht” te openen.
        Kies het onderwerp dat het beste past en daarna het subonderwerp, en beschrijf in uw eigen woorden waarmee we u kunnen helpen. Gaat uw vraag over een reservering, kies dan “Reserveringen” en vermeld het bevestigingsnummer, zodat we de reservering meteen kunnen vinden.
        Voordat u op “Versturen” tikt, kunt u foto’s toevoegen, bijvoorbeeld een screenshot of een foto waarop het probleem te zien is.
        We streven ernaar binnen 24 uur te antwoorden, al kan het soms iets langer duren. Ons antwoord verschijnt in “Berichten”, en u ziet het ook terug bij “Meldingen”.

help-technical = Een technisch probleem melden
    .summary = Laat het ons weten als iets in de app of op het platform niet werkt zoals het hoort.
    .body = Tik in “Help” op “Technisch probleem melden”. De app plaatst uw melding onder het onderwerp “Account” en het subonderwerp “Overig”, zodat die terechtkomt bij het team dat technische problemen behandelt.
        Beschrijf wat er gebeurde, wat u in plaats daarvan had verwacht en ongeveer wanneer het begon. Een screenshot van een eventuele foutmelding helpt ons enorm.
        Om het probleem te kunnen onderzoeken, voegt de app enkele gegevens over uw apparaat toe, zoals de appversie, het platform, de taal en de verbindingsstatus. Voordat u verstuurt, ziet u precies welke gegevens worden meegestuurd.
        Tik op “Versturen” als u klaar bent. Een van onze teamleden komt er zo snel mogelijk bij u op terug.

help-complaint = Een klacht indienen
    .summary = Dien een klacht in als er iets is misgegaan met ons platform of onze dienstverlening en u wilt dat we dit formeel beoordelen.
    .body = Een klacht is bedoeld voor problemen met het platform of met de service die u van ons heeft gekregen, niet voor alledaagse vragen. Voor een vraag is “Stuur ons een bericht” meestal de snellere weg.
        Tik in “Help” op “Klacht indienen”. Geef eerst aan wie de klacht indient: u als partner, iemand die voor de partner werkt of iemand die de partner vertegenwoordigt.
        Vul daarna een naam en een e-mailadres in, zodat we u kunnen bereiken; een telefoonnummer is optioneel.
        Kies vervolgens het onderwerp waarop de klacht betrekking heeft en leg in het bericht uit wat er misging. Hoe meer details u geeft, zoals data, reserveringsnummers en wat u al heeft geprobeerd, hoe sneller we het kunnen oplossen.
        Tik op “Versturen” om de klacht in te dienen. In “Berichten” kunt u volgen hoe de afhandeling verloopt.

help-process = Zo behandelen we uw klacht
    .summary = Wat er gebeurt nadat u een klacht heeft ingediend, van onze eerste reactie tot de uiteindelijke uitkomst.
    .body = Eerst bevestigen we dat we uw klacht hebben ontvangen en laten we u weten wat u daarna kunt verwachten. We streven ernaar binnen 24 uur te reageren.
        Terwijl we de klacht onderzoeken, houden we u op de hoogte, en een van onze teamleden kan u om aanvullende informatie vragen. U kunt rechtstreeks reageren in “Berichten”.
        Zodra we tot een oplossing zijn gekomen, laten we u de uitkomst weten. U kunt die accepteren, of aangeven dat u het er niet mee eens bent en in een opmerking toelichten waarom.
        Bent u gevestigd in de Europese Economische Ruimte (EER) en blijft u het oneens, dan kunt u om bemiddeling vragen. Een onafhankelijke bemiddelaar bekijkt dan uw zaak.

help-urgent = Dringende zaken: bel ons
    .summary = Als iets niet kan wachten op een schriftelijk antwoord, kunt u partnersupport het beste bellen.
    .body = Sommige situaties vragen om een direct antwoord, bijvoorbeeld als er een gast met een reservering voor de deur staat en er geen kamer meer vrij is.
        Wacht in zo’n geval niet op een reactie op een bericht. Open “Help” en tik op “Bel ons” om partnersupport rechtstreeks te spreken.
        Houd het bevestigingsnummer en de gegevens van uw accommodatie bij de hand, zodat we u snel kunnen helpen.
        Voor alles wat kan wachten, is “Stuur ons een bericht” nog altijd de makkelijkste manier om ons te bereiken.

help-guests = Gasten de juiste weg wijzen
    .summary = Gasten worden het snelst geholpen via de helppagina’s voor gasten, niet via de lijn voor partners.
    .body = Partnersupport is er om u en uw accommodatie te helpen. Gasten die ons via de kanalen voor partners benaderen, kunnen we niet helpen, en dat maakt het meestal voor iedereen trager.
        Heeft een gast onze hulp nodig, verwijs de gast dan naar de helppagina’s voor gasten. Daar kan de gast de boeking zelf beheren of in de eigen taal contact opnemen met de klantenservice, via chat, e-mail of telefoon.
        Geef gasten niet de contactgegevens die u zelf gebruikt om ons te bereiken, ook niet ons telefoonnummer voor partners. Het eenvoudigst is om ze te vragen het helpgedeelte te openen in de app of op de website waarmee ze hebben geboekt.

help-offline = Schrijven zonder verbinding
    .summary = U kunt ons ook zonder bereik schrijven, en uw bericht wordt verstuurd zodra de verbinding terug is.
    .body = Valt uw verbinding weg terwijl u schrijft, ga dan gewoon verder. Uw bericht wordt als concept op uw telefoon bewaard, zodat u het later kunt afmaken.
        Tikt u zonder verbinding op “Versturen”, dan blijft het bericht samen met eventuele foto’s op uw telefoon staan, in “Wacht op verzending”.
        Zodra de verbinding terug is, verstuurt de app het automatisch en maar één keer, dus u hoeft het nooit opnieuw te versturen.
        Als u de app sluit, gaat er niets verloren. Uw concepten en wachtende berichten staan er nog als u de app weer opent, en u vindt ze onder “Meer” bij “Concepten” en “Wacht op verzending”.
