"""Spanish cues for the sentiment and topic of CRM notes (hand-written, see ``lexicon_cues``)."""

NEGATORS = """no, nunca, jamás, sin, ningún, ninguna, ninguno, tampoco, ni, nadie, nada, quitado,
    quitó, disipad*, despejad*"""
POST_NEGATORS = ""
INTENSIFIERS = """muy, realmente, súper, muchísimo, totalmente, completamente, absolutamente, tan,
    demasiado, extremadamente, sumamente, verdaderamente, bastante, de verdad, altamente,
    francamente, profundamente, sinceramente"""
POST_INTENSIFIERS = "para nada, en absoluto"
DIMINISHERS = "un poco, algo, ligeramente, un tanto, medio"
CONTRAST = "pero, sin embargo, aunque, no obstante, aun así"

SENTIMENT = {
    0.0: """gustaría, gustarían, buenos días, buenas tardes, de nada, sin más, nada más,
        sin nada en juego""",
    2.0: """encantad*, encantó, encanta, encantan, entusiasm*, excelente*, fantástic*, maravill*,
        genial*, estupend*, magnífic*, increíble*, agradecid*, elogi*, de maravilla, felicit*""",
    1.5: """content*, satisfech*, satisfacción, feliz, felices, alegr*, aliviad*, alivio,
        impresionad*, buenísim*, perfect*, todo bien, va bien, fue bien, salió bien, muy bien,
        bien encaminad*, gusta, gustan, gustó, le gusta, agradec*, fiel*, fidelidad, de lujo, risas,
        impecable*, sobre ruedas, cumple de sobra""",
    1.0: """gracias, positiv*, amable*, confianza, convencid*, recomiend*, recomend*, cómod*,
        eficaz, eficiente*, fácil*, interesante*, útil*, simpátic*, agradable*, motivad*, valora,
        valoran, valoró, amistos*, reforzad*, vuelve a su sitio, destaca, marcado la diferencia""",
    0.5: """buen, buena, buenas, bueno, buenos, tranquil*, cordial*, sin problemas, ningún problema,
        sin incidencias, interesad*, interés, encaja, aprobad*, rapidez, reactivad*, cumple""",
    0.4: """resuelt*, solucionad*, arreglad*, funciona, aceptad*, aceptó, firmad*, firmó, firmará,
        de acuerdo, rápid*, acepta, renueva""",
    -0.4: """problema*, incidencia*, avería*, fallo*, error*, retras*, dañad*, roto, rota, rotos,
        defect*, falta*, equivocad*, queja*, reclam*, cancel*, perdid*, reembolso*, devolución,
        bloquead*, llegó tarde, llega tarde, incomplet*, duda*, atascad*, escalad*, ni rastro,
        nada especial, objeción, objeciones""",
    -1.0: """mal, mala, malo, malos, malas, lamentablemente, desgraciadamente, por desgracia,
        preocupad*, preocupación*, inquiet*, confus*, complicad*, tens*, reproch*, critic*,
        escéptic*, lento, lenta, impacien*, frío, fría, difícil*, no lo ve claro, ignorad*,
        sigue sin, todavía sin, aún sin, no le escuch*, no nos escuch*, paciencia, rechaz*,
        cero margen, cuenta perdida, señal de alarma, alarma, insuficiente*, en riesgo, sin pedidos,
        ningún pedido, riesgo de baja""",
    -1.5: """molest*, insatisfech*, disgustad*, descontent*, enfad*, enojad*, cabread*, harto,
        harta, hartos, amenaz*, mosquead*, irritad*, peor, arrepent*, abogad*, denuncia*,
        pérdida de confianza, perdido la confianza, maleducad*, grosero*, decepcion*, indignad*,
        hasta las narices, levantó la voz, no quiere saber nada, perdemos la cuenta,
        perder la cuenta, que trina, confianza está tocada, sube de tono, amargura""",
    -2.0: """frustrad*, frustración, pésim*, horrible*, terrible*, fatal, inaceptable*, vergüenza,
        vergonzoso*, furios*, furia, desastr*, escándalo, nefast*, lamentable*, chapuza*,
        indignante, rabia, estafa*, timo, intolerable*, exasper*""",
}

TOPICS = {
    "billing_question": (
        """factura*, facturación, facturad*, cobro*, cobrad*, cobrar, cobraron, pago, pagos, pagar,
            pagará, pagado, pagada, domiciliación, domiciliad*, abono, abonos, iva, transferencia*,
            recibo*, cargos, doble cargo, cargo duplicado, importe*, impagad*, recargo*,
            cuenta bancaria, datos bancarios, iban, comisión*, nota de crédito""",
        """contabilidad, pendiente*, vencid*, deuda*, reembolso*, devolución, saldo, cargo,
            tarjeta*""",
    ),
    "pricing_negotiation": (
        """precio*, tarifa*, descuento*, presupuesto*, negoci*, contraoferta*, rebaja*, margen,
            márgenes, más barat*, más car*, lista de precios, condiciones comerciales""",
        """caro, cara, barato, barata, oferta*, ofrecemos, ofrece, competencia, competidor*, coste*,
            costo*, condiciones, propuesta*""",
    ),
    "support_issue": (
        """avería*, fallo*, se cuelga, cuelga, colgad*, no funciona, no arranca, no enciende,
            no se enciende, reinici*, restablec*, actualización*, firmware, contraseña*,
            inicio de sesión, iniciar sesión, login, conexión, conectar, emparej*, sincroniz*,
            nivel 2, segundo nivel, configuración, ajustes, bloquead*""",
        """problema*, incidencia*, dispositivo*, aparato*, app, aplicación*, portal, sistema*,
            software, resuelt*, solucionad*, arreglad*, remoto, instalación, ticket*, técnic*,
            soporte, error*""",
    ),
    "feature_request": (
        """funcionalidad*, mejora*, sugerencia*, sugiere, propuesta de mejora, le gustaría,
            les gustaría, gustaría, hoja de ruta, roadmap, integración*, api, añadir, incorporar,
            nueva opción, echa en falta, echan en falta, beta, previsto para, no está previsto,
            quiere poder, solución provisional, novedades""",
        """opción*, export*, idea*, poder, falta, propone, previsto""",
    ),
    "complaint": (
        """queja*, quejarse, se queja, quejó, reclamación*, reclama, reclamó, hoja de reclamaciones,
            insatisfech*, descontent*, disculpa*, compensación*, indemniz*, consumidor*,
            redes sociales""",
        """calidad, maleducad*, trato, responsable, reseña*, inaceptable*, vale de descuento,
            vale regalo, compensa*, devolución, grosero*""",
    ),
    "cancellation_risk": (
        """dar de baja, darse de baja, cancelar, cancelación, rescind*, rescisión, abandon*,
            cambiar de proveedor, otro proveedor, se va a la competencia, preaviso, riesgo de baja,
            sin pedidos, no hace pedidos, perder al cliente, perder la cuenta, lo perdemos,
            la perdemos, fuga, churn, retención""",
        """baja, competencia, competidor*, perder, perdido, dejar, riesgo, termina*, irse""",
    ),
    "delivery_issue": (
        """entrega*, entregad*, envío*, paquete*, transportista*, mensajer*, repartidor*,
            seguimiento del envío, seguimiento del pedido, número de seguimiento, tracking, almacén,
            logística, llegó, no llegó, no ha llegado, dirección equivocada, artículo equivocado,
            recibido, recepción, llegó tarde, llega tarde""",
        """retras*, dañad*, roto, rota, rotos, falta*, incomplet*, caja*, reenviad*, reenvío,
            llegada, enviad*""",
    ),
    "onboarding": (
        """onboarding, arranque, puesta en marcha, formación*, bienvenida, cliente nuevo,
            nuevo cliente, cuenta nueva, primer pedido, activación, activad*, alta de cuenta,
            kick-off, kickoff, primeros pasos, acompañamiento, guía de inicio, implantación,
            implementación, accesos""",
        """inicio, configur*, sesión, instalación, primer, primera, cuenta abierta""",
    ),
    "renewal": (
        """renov*, prórroga*, prorrog*, prolong*, vence, vencimiento, caduca*, fin del contrato,
            extender el contrato, ampliación del contrato, otro año, años más""",
        """contrato*, años, compromiso""",
    ),
    "product_inquiry": (
        """gama*, catálogo*, folleto*, ficha técnica, fichas técnicas, característica*,
            especificacion*, disponibilidad, disponible*, en stock, demo*, demostración, muestra*,
            compatib*, información del producto""",
        """producto*, modelo*, talla*, color*, colores, información, info, stock, pregunta*,
            consulta*, interesad*, versión, alternativa*""",
    ),
}
