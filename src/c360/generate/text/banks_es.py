"""Spanish phrase banks: CRM notes written by sales/support reps, and marketing e-mails."""

# Notes ----------------------------------------------------------------------------------------
# Same fields as banks_fr. "Sr./Sra. X" needs an article in running text, so {name} (which may
# carry a title) only appears in label positions; running text uses {fname} or {short}.
# Avoid adjectives that agree with the customer (contento/a, interesado/a ...).

TITLES = ("Sr.", "Sra.")
TITLE_IN_SHORT = False
MAIL_DOMAIN = "brandco.es"
DAYS = (
    "el jueves",
    "el lunes por la mañana",
    "la semana que viene",
    "mañana",
    "el viernes",
    "a principios de la semana que viene",
)
STAFF = (
    ("Javier", "Ruiz"),
    ("Lucía", "Navarro"),
    ("Pablo", "Moreno"),
    ("Marta", "Castillo"),
    ("Diego", "Ortega"),
    ("Elena", "Romero"),
    ("Sergio", "Molina"),
    ("Carmen", "Delgado"),
    ("Álvaro", "Iglesias"),
    ("Irene", "Serrano"),
)
ASSISTANTS = (
    ("Rocío", "Gil"),
    ("Pilar", "Herrera"),
    ("Nuria", "Campos"),
    ("Raúl", "Vidal"),
    ("Beatriz", "Núñez"),
    ("Inés", "Pascual"),
)

CONTACT = (
    "Llamada entrante — {name}.",
    "Llamada saliente a {fname}; contesta al segundo intento en el {phone}.",
    "Videollamada con {fname} esta mañana, una media hora.",
    "{fname} devuelve la llamada tras mi mensaje en el buzón.",
    "Intercambio de correos con {fname} ({email}).",
    "Hablo por teléfono con {fname}.",
    "Visita a {account}, reunión con {fname}.",
    "Llamada rápida con {fname} (seguimiento de la semana pasada).",
    "Contacto vía formulario web: {name}. Le llamo enseguida.",
    "Coincidimos con {fname} en la feria, breve charla en el stand.",
    "Llamada — {name}, cuenta {account}.",
    "Chat en línea con {fname}, seguimos después por teléfono.",
    "Cliente: {name}. Pasa por la tienda y charlamos un rato.",
    "Hablo con {fname} entre dos reuniones, 10 min.",
)
COORDS = (
    "Contacto: {phone} / {email}",
    "Tlf.: {phone}",
    "Correo: {email}",
    "Mejor localizar por la mañana en el {phone}.",
    "Prefiere correo: {email}",
    "Devolver llamada al {phone}.",
    "Nuevo número actualizado en la ficha: {phone}",
    "Email verificado: {email}",
    "Móvil {phone} — correo {email}",
    "Directo: {email}, o {phone} si es urgente.",
)
COLLEAGUE = (
    "Lo vemos internamente con {colleague} ({colleague_email}), de administración de ventas.",
    "Pasado a {colleague} ({colleague_email}) para la parte técnica.",
    "{colleague} en copia: {colleague_email}",
    "He metido a {colleague} en el hilo ({colleague_email}).",
    "Lo llevo junto con {colleague}, {colleague_email}.",
    "Consultar con {colleague} ({colleague_email}), que conoce bien la cuenta.",
)
ASSISTANT = (
    "Las reuniones se cuadran con {assistant} ({assistant_email}), que lleva la agenda.",
    "{assistant} ({assistant_email}) va en copia de todo.",
    "Contabilidad en {account}: {assistant}, {assistant_email}.",
    "Contacto secundario: {assistant} — {assistant_email}",
    "Enviar la documentación a {assistant} ({assistant_email}).",
)
EXTRA = (
    "Ficha de contacto actualizada.",
    "Ver historial de interacciones en el CRM.",
    "Buen historial de compras en la cuenta.",
    "Compartido con el equipo comercial.",
    "Interlocutor principal de {account}.",
    "Compró {product} el año pasado.",
    "Prefiere llamadas a última hora de la tarde.",
    "Los miércoles no está disponible.",
    "Pdte. confirmar quién decide en {account}.",
)

CONTEXT = {
    "product_inquiry": (
        "Pide info sobre {product}.",
        "Dudas sobre la gama, sobre todo {product}.",
        "Quiere comparar varios artículos antes de decidirse.",
        "Pregunta por características y compatibilidad con lo que ya tiene.",
        "Interés por la nueva colección, quiere que se la presentemos.",
        "Busca equipar a su equipo, nos ha encontrado por el catálogo online.",
        "Solicita ficha técnica + disponibilidad.",
    ),
    "pricing_negotiation": (
        "Negociación de precio del contrato marco.",
        "Hablamos del precio de {product}.",
        "Pide un {pct} de descuento en el próximo pedido.",
        "Renegociación de condiciones, recorte de presupuesto en {account}.",
        "Quiere revisar el presupuesto que enviamos la semana pasada.",
        "Repasamos tarifas y descuentos por volumen.",
        "No acepta la subida de precios anunciada para el año que viene.",
    ),
    "support_issue": (
        "Problema técnico con {product}.",
        "El aparato no enciende desde la última carga.",
        "Incidencia {ticket}: fallo notificado desde el lunes.",
        "No consigue vincularlo con la app, la configuración se queda a medias.",
        "Avería a las pocas semanas de la compra.",
        "Necesita ayuda tras la última actualización.",
        "Error que se repite al usarlo, manda fotos por correo.",
    ),
    "billing_question": (
        "Consulta sobre la última factura.",
        "No entiende una línea de la factura del mes.",
        "Pide un duplicado de factura.",
        "Nos avisa de un cargo duplicado.",
        "Quiere cambiar la forma de pago.",
        "Diferencia entre presupuesto y factura de {amount}.",
        "Hay que actualizar la dirección de facturación.",
    ),
    "renewal": (
        "Toca renovar el contrato.",
        "La suscripción Premium (envíos ilimitados) vence en dos meses.",
        "Preparar la renovación anual del contrato marco.",
        "Pregunta por las condiciones de renovación.",
        "La garantía ampliada de {product} está a punto de vencer.",
        "Repasamos la renovación y las opciones adicionales.",
    ),
    "complaint": (
        "Reclamación por su último pedido.",
        "Queja sobre el trato recibido en atención al cliente.",
        "Se queja de la calidad de {product}.",
        "Llega reclamación por escrito, la retomo por teléfono.",
        "Malestar por lo que tardamos en tramitar su solicitud.",
        "Reclamación por la visita del técnico.",
        "No está de acuerdo con la respuesta del servicio posventa.",
    ),
    "onboarding": (
        "Alta de la cuenta de empresa, primer vistazo al área de clientes.",
        "Puesta en marcha de {product}: vinculación y ajustes.",
        "Presentación del portal profesional al equipo de {account}.",
        "Acompañamiento en su primer pedido online.",
        "Seguimiento a las dos semanas de activar la cuenta.",
        "Configuración de accesos de compradores y direcciones de entrega.",
    ),
    "feature_request": (
        "Propone una mejora para {product}.",
        "Le gustaría un color o una talla que no tenemos.",
        "Sugiere recogida en tienda para pedidos de empresa.",
        "Quiere poder seguir sus pedidos desde la app.",
        "Pide facturación mensual agrupada.",
        "Pregunta si habrá una versión compatible con su modelo antiguo.",
    ),
    "cancellation_risk": (
        "Se plantea darse de baja.",
        "Pregunta por las condiciones de cancelación.",
        "Riesgo de baja: los pedidos han caído mucho.",
        "Deja caer que podría irse a la competencia.",
        "Solicitud de baja recibida por correo, llamo para entender el motivo.",
        "Señal de alarma: ningún pedido en tres meses.",
    ),
    "delivery_issue": (
        "Retraso en la entrega del último pedido.",
        "Paquete no recibido aunque figura como «entregado».",
        "El pedido de {product} llegó incompleto.",
        "Producto recibido con desperfectos.",
        "Consulta sobre el seguimiento del envío.",
        "Referencia equivocada en el paquete.",
    ),
}
DETAIL = {
    "product_inquiry": (
        "Temas: uso, plazos, garantía.",
        "Nos compara con un competidor, quiere saber qué nos diferencia.",
        "Necesitarían unas diez unidades en {account}.",
        "Ya tiene {product}, duda si le compensa el modelo superior.",
        "Presupuesto aún sin definir.",
    ),
    "pricing_negotiation": (
        "Presupuesto actual: {amount} sin IVA.",
        "Según {short}, la competencia sale un {pct} más barata.",
        "Podrían comprometerse a dos años a cambio de mejor precio.",
        "Compras centralizadas en {account}, se decide a nivel de grupo.",
        "Descuento máximo que puedo dar: {pct}.",
    ),
    "support_issue": (
        "Fallo reproducido por nuestra parte.",
        "Afecta a {product}, comprado hace unos meses.",
        "Varios usuarios afectados en {account}.",
        "Ya tuvo un problema parecido el año pasado.",
        "Incidencia {ticket} abierta en segundo nivel.",
    ),
    "billing_question": (
        "Factura en cuestión: {amount} IVA incl.",
        "Pago por transferencia, contabilidad en {account}.",
        "Es del pedido de {product}.",
        "Vence dentro de quince días.",
        "Según {short}, le llegó un aviso de impago por error.",
    ),
    "renewal": (
        "Contrato actual: {amount} al año.",
        "El volumen de compra de {account} ha subido este año.",
        "Se podría añadir {product} al próximo contrato.",
        "Le recuerdo la cláusula de renovación automática.",
        "Decisión prevista antes de fin de trimestre.",
    ),
    "complaint": (
        "Pedido llegado en mal estado, con fotos.",
        "Segunda reclamación en dos meses.",
        "Tiene que ver con {product}.",
        "La reclamación viene de la dirección de {account}.",
        "También ha dejado una reseña en internet.",
    ),
    "onboarding": (
        "Creados tres accesos de compradores.",
        "Importación del catálogo profesional prevista para {day}.",
        "Guía de inicio enviada de antemano.",
        "Usa {product} desde hace poco.",
        "Necesita ayuda con los pedidos periódicos.",
    ),
    "feature_request": (
        "Varios departamentos de {account} lo piden.",
        "Solución provisional: todo por correo.",
        "Otros clientes ya lo han pedido.",
        "Se ofrece a probar una beta.",
        "Relacionado con el uso diario de {product}.",
    ),
    "cancellation_risk": (
        "Contrato vigente hasta final de año.",
        "Presupuesto recortado en {account}.",
        "Compraba sobre todo {product}.",
        "Hay un nuevo responsable de compras que lo revisa todo.",
        "Oferta de la competencia un {pct} más barata, más o menos.",
    ),
    "delivery_issue": (
        "El transportista anuncia varios días de retraso.",
        "Entrega prevista en la sede de {account}.",
        "Pedido hecho hace dos semanas.",
        "Importe del pedido: {amount}.",
        "Segunda incidencia de entrega este trimestre.",
    ),
}
OUTCOME = {
    "product_inquiry": {
        "positive": (
            "Mucho interés en una demo, buscamos hueco.",
            "Nuestras respuestas le han quitado las dudas, {short} quiere avanzar rápido.",
            "A {short} le parece que {product} encaja justo con lo que busca.",
            "Pide presupuesto en el momento, muy buena señal.",
            "La presentación gusta mucho, lo lleva a dirección para aprobarlo.",
            "Le ha encantado la nueva gama.",
            "A {short} le entusiasma la demo y ya habla de hacer un pedido.",
        ),
        "neutral": (
            "Info enviada, {short} lo tiene que hablar internamente.",
            "Documentación enviada, sin decisión a corto plazo.",
            "Solo recaba información, no hay proyecto inmediato.",
            "Toma nota de precios, volverá tras comparar.",
            "Duda de compatibilidad resuelta con la ficha técnica.",
            "Quiere ver primero el producto en tienda.",
        ),
        "negative": (
            "Le parece caro para lo que ofrece.",
            "Nuestras respuestas no le han convencido.",
            "{short} critica que la info de la web es confusa.",
            "Se queja de que ha tardado una semana en tener respuesta.",
            "La demo no convence, muy lejos de lo que necesita.",
            "{product} no cumple sus expectativas, mira otras opciones.",
            "Tiene la sensación de que no entendemos lo que necesita.",
        ),
    },
    "pricing_negotiation": {
        "positive": (
            "Acuerdo en {amount}, {short} firma {day}.",
            "Aceptado el {pct} de descuento, todos salimos ganando.",
            "Trato cerrado, buena negociación por ambas partes.",
            "{short} da el visto bueno al presupuesto revisado sin rechistar.",
            "Vamos a un compromiso más largo, aceptan las condiciones con gusto.",
            "Buen punto medio, {short} agradece la flexibilidad.",
        ),
        "neutral": (
            "Contraoferta enviada, a la espera de respuesta.",
            "{short} lo tiene que validar con compras antes de comprometerse.",
            "Hoy no hay decisión, lo retomamos {day}.",
            "Nuevo presupuesto de {amount} enviado para que lo estudien.",
            "Seguimos hablando, aún hay un {pct} de diferencia.",
            "Quiere una comparativa detallada antes de seguir.",
        ),
        "negative": (
            "Rechaza de plano la subida, habla de irse.",
            "Considera inaceptable nuestra propuesta de {amount}.",
            "Negociación bloqueada, cero margen por su parte.",
            "{short} siente que le estamos tomando el pelo con los precios.",
            "Ningún avance, el {pct} de descuento le parece una broma.",
            "Mala sorpresa con el precio, la llamada se enfría del todo.",
        ),
    },
    "support_issue": {
        "positive": (
            "Resuelto en la misma llamada, {short} nos lo agradece mucho.",
            "Parche aplicado, todo funciona y {short} destaca lo rápido del soporte.",
            "Arreglado en diez minutos, muy buena valoración del posventa.",
            "Solucionado a la primera, gran satisfacción.",
            "Sustitución en garantía aprobada, {short} valora la rapidez.",
            "Terminamos la configuración juntos, todo funciona y a {short} le encanta.",
        ),
        "neutral": (
            "Actualización aplicada, incidencia cerrada.",
            "Propuesta una solución temporal hasta que salga el parche.",
            "Incidencia {ticket} pasada a segundo nivel, plazo comunicado a {short}.",
            "Se arregla tras reiniciar, nada más.",
            "Diagnóstico en curso, volvemos a llamar a {short} {day}.",
            "Resuelto, era un ajuste por su parte.",
        ),
        "negative": (
            "Tercera llamada por lo mismo y sigue sin resolverse.",
            "{short} está hasta las narices, lleva una semana sin poder usarlo.",
            "Ninguna solución por ahora, mucha frustración.",
            "Soporte le ha hecho repetir lo mismo tres veces, exasperación total.",
            "Incidencia {ticket} atascada, segundo nivel no contesta.",
            "La avería paraliza toda la actividad de {account}, es crítico.",
        ),
    },
    "billing_question": {
        "positive": (
            "Abono emitido en el día, {short} agradece la rapidez.",
            "Todo aclarado, muy buena valoración de las explicaciones.",
            "Reembolso aprobado, {short} valora que lo hayamos resuelto sin pegas.",
            "Cambio a domiciliación hecho, a {short} le resulta mucho más cómodo.",
            "Error corregido en el momento, conversación muy agradable.",
            "Explicación clara, {short} nos felicita por el seguimiento.",
        ),
        "neutral": (
            "Duplicado enviado por correo.",
            "Línea aclarada, eran los gastos de envío.",
            "Error confirmado, se regulariza en diez días.",
            "Dirección de facturación actualizada.",
            "Pasado a contabilidad para revisarlo.",
            "Factura corregida, nada más que añadir.",
        ),
        "negative": (
            "Otro error de facturación, {short} exige el reembolso inmediato.",
            "Le parece intolerable tener que reclamar por tercera vez.",
            "No acepta el importe de {amount}, no piensa pagar así.",
            "Amenaza con bloquear los pagos hasta que se corrija.",
            "Enfado por cargos ocultos, habla de timo.",
            "Ni rastro del abono prometido, la llamada sube de tono.",
        ),
    },
    "renewal": {
        "positive": (
            "Renovación firmada por dos años, buenísima noticia.",
            "{short} renueva sin dudarlo y añade opciones.",
            "Renovación confirmada, el servicio cumple de sobra.",
            "Acuerdo de principio para renovar, ambiente excelente.",
            "Renueva y se ofrece a recomendarnos a otras empresas.",
            "Amplía el compromiso, {short} no contempla otro proveedor.",
        ),
        "neutral": (
            "Renovación en validación interna.",
            "Propuesta de renovación enviada, respuesta {day}.",
            "Quiere hacer balance del año primero.",
            "Probablemente renueve, pero no hay nada firmado.",
            "Pide copia del contrato actual antes de decidir.",
            "Renovación tramitada, puro trámite.",
        ),
        "negative": (
            "No piensa renovar tal como está.",
            "Duda mucho, la relación calidad-precio le decepciona.",
            "Renovación en el aire, {short} tiene una oferta de la competencia.",
            "No renovará hasta que se solucionen los problemas.",
            "Nos reprocha la falta de seguimiento en todo el año, no se compromete.",
            "Muy frío con la renovación, quiere pasar a mensual sin permanencia.",
        ),
    },
    "complaint": {
        "positive": (
            "Disculpas + gesto comercial, {short} agradece la rapidez.",
            "Reclamación resuelta en el día, valoración muy positiva.",
            "Cambio de producto aceptado, {short} termina la llamada de buen humor.",
            "Todo vuelve a su sitio, {short} valora que le hayamos escuchado.",
            "Cerrado de forma amistosa, la relación sale reforzada.",
            "Abono concedido, {short} ha retirado la reseña negativa.",
        ),
        "neutral": (
            "Reclamación registrada, en análisis.",
            "Expediente pasado a calidad.",
            "Gesto comercial propuesto, pdte. de su respuesta.",
            "Error del pedido corregido, expediente cerrado.",
            "Explicaciones dadas, {short} toma nota.",
            "Devolución organizada, reembolso a la recepción.",
        ),
        "negative": (
            "Inaceptable según {short}, exige una compensación.",
            "Rechaza el gesto comercial, lo ve insuficiente.",
            "Habla de acudir a una asociación de consumidores.",
            "Está que trina, no quiere oír más disculpas.",
            "Ninguna solución aceptable, la reclamación sigue abierta.",
            "Promete contar su experiencia en redes sociales.",
        ),
    },
    "onboarding": {
        "positive": (
            "Lo pilla rápido, a {short} el portal le parece muy intuitivo.",
            "La sesión gusta, todo el equipo ya hace pedidos por su cuenta.",
            "Arranque impecable, {short} agradece el acompañamiento.",
            "Todo listo en una sola sesión, muy buena valoración.",
            "A {short} le encanta la interfaz y quiere accesos para más compañeros.",
            "Primer pedido hecho sin problemas, entusiasmo general.",
        ),
        "neutral": (
            "Cuenta configurada, faltan las direcciones de entrega.",
            "Sesión hecha, dudas para el próximo seguimiento.",
            "Accesos creados, {short} lo prueba por su cuenta.",
            "Pequeño problema de acceso resuelto en la sesión, todo según lo previsto.",
            "Plan de puesta en marcha acordado.",
            "Adaptación en curso, nada que bloquee.",
        ),
        "negative": (
            "Arranque complicado, a {short} el área de clientes le resulta demasiado lío.",
            "Sesión cortada, nada funcionó como estaba previsto.",
            "Frustración: dos semanas y sigue sin acceso.",
            "El equipo de {account} no le ve utilidad, nadie se ha conectado.",
            "{short} ya se arrepiente de la compra, demasiado tiempo perdido.",
            "Acompañamiento visto como una chapuza, pide otro interlocutor.",
        ),
    },
    "feature_request": {
        "positive": (
            "Buena noticia: está previsto para otoño, a {short} le encanta.",
            "{short} se ofrece a probarlo, muchas ganas.",
            "Idea trasladada, {short} agradece que le escuchemos.",
            "La opción ya existe, activada en el momento: {short} nos da las gracias.",
            "Conversación muy constructiva, un montón de ideas interesantes.",
            "A {short} le gustan mucho las novedades que le enseñamos.",
        ),
        "neutral": (
            "Petición trasladada al equipo de producto.",
            "No está previsto a corto plazo, se lo explico a {short}.",
            "Sugerencia anotada para la próxima revisión.",
            "Propuesta una alternativa mientras tanto, ya veremos.",
            "Falta concretar, {short} enviará una descripción.",
            "La opción existe pero no la conocía, le mando un tutorial.",
        ),
        "negative": (
            "Imprescindible para {short}, sin eso buscarán otra cosa.",
            "Gran decepción: lo pidió hace un año y sigue sin haber nada.",
            "No entiende que falte una opción tan básica.",
            "No está en la hoja de ruta, {short} se lo toma fatal.",
            "Amenaza con cambiar de proveedor si este año no se mueve nada.",
            "Siente que sus sugerencias acaban en la papelera.",
        ),
    },
    "cancellation_risk": {
        "positive": (
            "Al final {short} se queda: nuestro plan de acción ha marcado la diferencia.",
            "Riesgo descartado, {short} incluso renueva un año.",
            "Tras hablarlo, ya no se plantea irse, relación reactivada.",
            "Oferta de fidelización aceptada con entusiasmo.",
            "Resolver los problemas lo ha cambiado todo, {short} vuelve a confiar en nosotros.",
            "Grata sorpresa: ya no se va y {short} quiere añadir {product}.",
        ),
        "neutral": (
            "Lo está pensando, decisión {day}.",
            "Oferta de retención enviada, a la espera.",
            "Baja registrada, efectiva al vencimiento.",
            "Quiere comparar antes de decidir.",
            "Reunión prevista con quien decide para aclarar expectativas.",
            "Pasado al equipo de fidelización.",
        ),
        "negative": (
            "Baja confirmada, ningún argumento ha funcionado.",
            "Se va con la competencia, decisión irrevocable.",
            "Rechaza cualquier oferta de retención, no quiere saber nada de nosotros.",
            "Demasiadas decepciones, {short} ya ha firmado con otro.",
            "Ya no contesta a nuestras llamadas, la baja es casi segura.",
            "Mucha amargura con nuestro seguimiento, cuenta perdida.",
        ),
    },
    "delivery_issue": {
        "positive": (
            "Reenvío urgente organizado, {short} agradece la rapidez.",
            "Resuelto en el mismo día, todo en orden.",
            "Cambio hecho sin coste, a {short} el servicio le parece impecable.",
            "Le devolvemos los gastos de envío, lo recibe muy bien.",
            "Solucionado antes de colgar, muy buena valoración.",
            "{short} valora la transparencia con el seguimiento.",
        ),
        "neutral": (
            "Abierta investigación con el transportista.",
            "Nueva fecha de entrega comunicada: {day}.",
            "Reenvío de los artículos que faltaban en curso.",
            "Estado del envío comprobado con el transportista.",
            "Explicado el procedimiento de devolución.",
            "Enlace de seguimiento reenviado por correo, nada más.",
        ),
        "negative": (
            "Sigue sin resolverse, {short} quiere anular el pedido.",
            "Tercer problema de entrega seguido, se le acaba la paciencia.",
            "{short} exige el reembolso completo, no quiere esperar más.",
            "Ni una noticia del transportista, nadie sabe dónde está el pedido.",
            "La entrega fallida le costó un día entero al equipo de {account}.",
            "Considera que nuestra logística es un desastre.",
        ),
    },
}
MOOD = {
    "positive": (
        "Muy buena conversación, tono cercano.",
        "Mucho entusiasmo con el servicio.",
        "La relación va genial.",
        "Muchos elogios para el equipo.",
        "Se nota confianza, todo avanza bien.",
        "Buen ambiente en la llamada, hasta nos reímos.",
        "Sinceramente, de las cuentas más agradables que llevo.",
        "Ninguna objeción, todo sobre ruedas.",
    ),
    "neutral": (
        "Conversación cordial, nada especial.",
        "Tono neutro, buscaba sobre todo información.",
        "Nada que destacar a nivel de relación.",
        "Llamada corta y profesional.",
        "Sin opinión clara por ahora.",
        "Conversación neutra, ya veremos.",
        "Actitud prudente, sin más.",
        "Conversación tranquila, sin nada en juego.",
    ),
    "negative": (
        "Tono seco, molestia evidente.",
        "Conversación tensa, varios reproches.",
        "Amenaza con irse a la competencia.",
        "Decepción evidente, la confianza está tocada.",
        "Colgó de forma bastante brusca.",
        "Levantó la voz varias veces, mucho enfado.",
        "Habla de darse de baja si esto sigue así.",
        "Se le ha agotado la paciencia.",
    ),
}
NEXT = {
    "positive": (
        "Seguimiento en tres meses para ver cómo va.",
        "Buen momento para pedirle una reseña.",
        "Volver a llamar {day} para cerrar los siguientes pasos.",
        "Acordarse de proponer el programa de recomendación.",
        "Mandar hoy un correo rápido de agradecimiento.",
        "Preparo el pedido, entrega a cuadrar {day}.",
        "Oportunidad de venta cruzada para la próxima reunión.",
        "Actualizar el forecast, la operación va bien encaminada.",
    ),
    "neutral": (
        "Volver a llamar {day}.",
        "Pdte. de su respuesta; si no hay nada, insistir en una semana.",
        "Ficha actualizada, incidencia cerrada.",
        "Ninguna acción por ahora.",
        "Enviar la documentación por correo y ver si surgen dudas.",
        "Apunto en agenda un punto de control {day}.",
        "Nada que hacer hasta el próximo contacto.",
        "Seguimos.",
    ),
    "negative": (
        "Escalado hoy a mi responsable.",
        "Llamada prioritaria {day}, que no se quede en el tintero.",
        "Gesto comercial pdte. de aprobación por dirección.",
        "Cuenta marcada en riesgo en el CRM, seguimiento de cerca.",
        "Pedir a soporte una respuesta por escrito en 48 h.",
        "El key account le llama {day}.",
        "Si no se soluciona rápido, perdemos la cuenta.",
        "Trasladar al dpto. de calidad.",
    ),
}

# E-mails --------------------------------------------------------------------------------------

GREETING = "Hola {{customer_name}},"
CTA = "DESCÚBRELO AHORA"
SIGNOFF = "Un saludo,\nEl equipo de BrandCo"
AND = "y"
DEADLINES = (
    "hasta el domingo a medianoche",
    "solo durante quince días",
    "hasta final de mes",
    "solo este fin de semana",
    "durante una semana",
    "hasta agotar existencias",
)
SUBJECTS = {
    "acquisition": (
        "Te damos la bienvenida: {pct} en tu primer pedido",
        "¿Y si pruebas BrandCo?",
        "Tu primer pedido, a mejor precio",
        "Descubre lo que BrandCo puede hacer por ti",
        "Regalo de bienvenida: el envío corre de nuestra cuenta",
        "Miles de personas ya confían en nosotros. ¿Y tú?",
        "{pct} de descuento para conocernos",
        "¿Primera vez por aquí? Te espera un regalo",
    ),
    "retention": (
        "Gracias por tu fidelidad: una ventaja solo para ti",
        "Hemos pensado en ti",
        "Ya tienes tus ventajas de cliente de este mes",
        "Un pequeño detalle de nuestra parte",
        "Por ser de la casa: {pct} este mes",
        "Consejos para sacar el máximo partido a tus compras",
        "Puntos de fidelidad dobles, desde hoy",
        "Este mes, el protagonista eres tú",
    ),
    "upsell": (
        "{pct} en la gama premium, solo para ti",
        "¿Te animas a dar el salto?",
        "El complemento perfecto para tu equipo",
        "¿Te ha gustado? Lo que viene te va a encantar",
        "Exclusivo: sube de gama por menos",
        "¿Por qué quedarte ahí?",
        "Los accesorios que lo cambian todo",
        "Clientes como tú también eligieron…",
    ),
    "winback": (
        "Vuelve y llévate un {pct} de descuento",
        "Te echamos de menos",
        "Una oferta especial para que vuelvas",
        "¡Cuánto tiempo!",
        "{pct} para retomarlo donde lo dejaste",
        "Hemos cambiado, ven a verlo",
        "Última oportunidad para usar tu ventaja",
        "Tu sitio sigue aquí",
    ),
    "engagement": (
        "Ya están aquí las novedades del mes",
        "¿Tienes dos minutos? Queremos tu opinión",
        "Trucos y consejos para tus productos favoritos",
        "Participa en nuestro sorteo",
        "Lo que se cuece este mes en BrandCo",
        "Descubre BrandCo por dentro",
        "Nuestros favoritos de la temporada",
        "Únete a la comunidad BrandCo",
    ),
}
INTRO = {
    "acquisition": (
        "¿Buscas productos fiables que te hagan la vida más fácil? En BrandCo llevamos años "
        "haciendo exactamente eso.",
        "Nos alegra presentarte BrandCo. Miles de clientes ya confían en nosotros a diario y nos "
        "encantaría contarte entre ellos.",
        "¿Y si este es el momento de probar algo nuevo? {product} ya ha conquistado a muchos "
        "clientes y estamos convencidos de que te va a gustar.",
        "¡Te damos la bienvenida! Acabas de descubrir BrandCo y queremos contarte en un minuto "
        "qué nos hace diferentes.",
        "Calidad, sencillez y una atención al cliente que responde de verdad: eso es lo que "
        "BrandCo te ofrece desde hoy.",
        "Gracias por pasarte por nuestra web hace poco. Aquí tienes la ocasión de conocernos "
        "mejor.",
    ),
    "retention": (
        "Gracias por formar parte de la familia BrandCo. Tu fidelidad significa mucho para "
        "nosotros y queríamos decírtelo.",
        "Hace tiempo que confías en nosotros y queremos que cada compra siga siendo una buena "
        "experiencia.",
        "Ya llevas un tiempo con {product}, así que te dejamos algunas ideas para sacarle aún "
        "más partido.",
        "Los clientes de siempre merecen un trato especial. Este mes, tú vas primero.",
        "Esperamos que tus últimas compras te estén encantando. Tus comentarios nos ayudan a "
        "seguir mejorando nuestros productos.",
        "Muchas gracias por tu confianza. Para demostrártelo, te hemos preparado una sorpresa.",
    ),
    "upsell": (
        "¿Disfrutas de {product}? Entonces te va a gustar lo que hemos seleccionado para "
        "acompañarlo.",
        "Muchos clientes que eligieron {product} acaban pasándose a nuestra gama superior. Te "
        "contamos por qué.",
        "Ya conoces la calidad de BrandCo. Ahora toca descubrir lo que puede ofrecerte nuestra "
        "gama premium.",
        "¿Te apetece ir un paso más allá? Hemos seleccionado productos que combinan a la "
        "perfección con tus compras anteriores.",
        "Más rendimiento, más comodidad, más posibilidades: nuestra gama premium está pensada "
        "para los más exigentes.",
        "Lo que ya tienes ha demostrado lo que vale. Con unos buenos complementos, puede dar "
        "aún más de sí.",
    ),
    "winback": (
        "Hace tiempo que no sabemos de ti, y te echamos de menos.",
        "Desde tu última visita han cambiado muchas cosas en BrandCo y nos encantaría "
        "enseñártelas.",
        "Sabemos que eres exigente. Hemos escuchado a nuestros clientes y hemos mejorado "
        "nuestros productos.",
        "Tu último pedido ya queda un poco lejos y nos preguntábamos qué tal te va.",
        "Nos gustaría volver a verte. Para animarte, te hemos preparado algo especial.",
        "¿Te gustó {product}? Mira todo lo que ha llegado a la gama desde entonces.",
    ),
    "engagement": (
        "Este mes tenemos un montón de novedades que contarte.",
        "Hemos reunido nuestros mejores consejos para que saques el máximo partido a tus "
        "productos BrandCo.",
        "En BrandCo nos gusta estar en contacto con nuestros clientes. Te contamos lo último.",
        "Tu opinión nos ayuda a mejorar. Bastan unos minutos para decirnos qué te parecen "
        "nuestros productos.",
        "Saca todavía más partido a {product} con unos cuantos consejos de nuestro equipo.",
        "Cambia la temporada y cambian las ganas: descubre nuestra selección del momento.",
    ),
}
PRODUCT_ONE = (
    "Esta vez, todo el protagonismo es para {product}, una apuesta de nuestro equipo muy "
    "valorada por los clientes.",
    "Nuestra elección para ti: {product}, por su calidad y lo fácil que es de usar.",
    "{product} ya está disponible en nuestra web, con ficha detallada y opiniones de clientes.",
    "Entre lo más vendido del momento está {product}. Gusta a todo el mundo, y se entiende por "
    "qué.",
    "Descubre {product}: una apuesta segura, hecha para durar.",
    "Te presentamos {product}, con todo lo que necesitas saber para elegir con confianza.",
)
PRODUCTS = (
    "Esta vez los protagonistas son {products}. Diseñados con mimo, probados por nuestro "
    "equipo y muy valorados por nuestros clientes.",
    "Nuestra selección para ti: {products}. Cada uno elegido por su calidad y lo fácil que es "
    "de usar.",
    "En esta selección encontrarás {products}, todos disponibles ya en nuestra web.",
    "Entre lo más vendido del momento: {products}. Gustan a todo el mundo, y se entiende por qué.",
    "Descubre {products}: apuestas seguras, hechas para durar.",
    "Te presentamos {products}, con fichas detalladas y opiniones de clientes para ayudarte a "
    "elegir.",
)
OFFER = {
    "acquisition": (
        "En tu primer pedido tienes un {pct} de descuento, {deadline}.",
        "Oferta de bienvenida: envío gratis y un {pct} de descuento, {deadline}.",
        "Si creas tu cuenta hoy, te llevas un {pct} en todo el catálogo, {deadline}.",
        "Pruébanos sin riesgo: treinta días de devolución garantizada y un {pct} en tu primera "
        "compra.",
        "Tu código de bienvenida te da un {pct} de descuento, {deadline}.",
        "Regístrate y recibe un regalo de bienvenida con tu primer pedido.",
    ),
    "retention": (
        "Para darte las gracias, tienes un {pct} en tu próximo pedido, {deadline}.",
        "Tus puntos de fidelidad valen el doble {deadline}: es el momento de aprovecharlos.",
        "Como cliente de la casa, este mes el envío exprés es gratis en todos tus pedidos.",
        "Te espera un vale del {pct} en tu área de cliente.",
        "Accede antes que nadie a nuestras ventas privadas, con un {pct} de descuento extra.",
        "Te ampliamos la garantía un año gratis, sin ningún trámite.",
    ),
    "upsell": (
        "Llévate un {pct} de descuento en la gama premium, {deadline}.",
        "Añade un producto complementario a tu pedido y ahorra un {pct} en el total.",
        "Sube de gama a precio especial: {pct} de descuento, {deadline}.",
        "Con cualquier pack, el accesorio te sale gratis.",
        "Solo para clientes: {pct} en productos que combinan con tus últimas compras.",
        "Da el salto hoy y te recompramos tu equipo anterior a buen precio.",
    ),
    "winback": (
        "Para celebrar tu vuelta, te regalamos un {pct} en el pedido que quieras, {deadline}.",
        "Vuelve ahora y disfruta de envío gratis y además un {pct} de descuento.",
        "Te espera un código especial de regreso: {pct} de descuento, {deadline}.",
        "Tenemos un regalo esperándote para celebrar que vuelves.",
        "Reactiva tu cuenta y ahorra un {pct} en toda la web, {deadline}.",
        "Para convencerte, tu próximo envío es gratis, sin pedido mínimo.",
    ),
    "engagement": (
        "Participa en nuestro sorteo y podrás ganar {product}.",
        "Responde a nuestra breve encuesta y te regalamos un {pct} de descuento.",
        "Únete a nuestra comunidad online para compartir trucos y experiencias con otros clientes.",
        "Apúntate a nuestro taller online gratuito y descubre todo lo que pueden hacer tus "
        "productos.",
        "Valora {product} y participa en el sorteo de una tarjeta regalo.",
        "Echa un vistazo a nuestras nuevas guías prácticas, gratis en tu área de cliente.",
    ),
}
EMAIL_EXTRA = (
    "La entrega es rápida y las devoluciones son gratuitas durante treinta días.",
    "Nuestro equipo de atención al cliente está disponible de lunes a sábado para resolver "
    "cualquier duda.",
    "Todos nuestros productos tienen dos años de garantía y pasan controles de calidad estrictos.",
    "Más de nueve de cada diez clientes recomiendan BrandCo.",
    "Pago seguro, con la opción de pagar en tres plazos sin intereses.",
    "Cada pedido se prepara con cuidado en nuestros almacenes y sale en menos de 48 horas.",
)
CLOSING = (
    "Tenemos muchas ganas de volver a verte.",
    "Gracias por tu confianza y hasta muy pronto.",
    "Si tienes cualquier pregunta, escríbenos.",
    "Esperamos que esta selección te guste.",
    "Nos vemos pronto en BrandCo.",
    "Todo el equipo te desea un día estupendo.",
)
